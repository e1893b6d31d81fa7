using System.Collections.Concurrent;
using System.Globalization;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.WeChat;

/// <summary>WeCom outbound API: application text messages to members (message/send; no 48-hour window).</summary>
public sealed class WeComApiClient(
    IHttpClientFactory httpClientFactory,
    AccessTokenCache tokens,
    IOptionsMonitor<WeComApiOptions> options,
    ILogger<WeComApiClient> logger) : WeChatApiCaller(httpClientFactory, tokens, logger)
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task<AccessTokenResponse>>> _fetchers = new();

    private string BaseUrl => options.CurrentValue.ApiBaseUrl.TrimEnd('/');

    /// <param name="toUser">One UserId, or several separated by "|".</param>
    public Task<WeChatSendResult> SendTextAsync(WeComAppOptions app, string toUser, string content,
        CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(app) || !long.TryParse(app.AgentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var agentId))
            return Task.FromResult(new WeChatSendResult(WeChatSendStatus.NotConfigured));
        var body = Serialize(new WeComTextRequest
        {
            ToUser = toUser,
            AgentId = agentId,
            Text = new TextContent { Content = content },
        });
        return PostWithTokenAsync(BaseUrl, Scope(app), Fetcher(app), "/cgi-bin/message/send", body, cancellationToken);
    }

    /// <summary>
    /// <c>GET /cgi-bin/auth/getuserinfo?code=…</c>: the member a one-time OAuth2 / QR-login code belongs to. Null
    /// UserId when the code is invalid or used (40029 …) or belongs to someone outside the corp (only an openid).
    /// </summary>
    public async Task<WeComIdentity> GetUserIdAsync(WeComAppOptions app, string code, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(app)) return new WeComIdentity(null, -1, "WeCom app not configured");
        try
        {
            var body = await GetWithTokenAsync(BaseUrl, Scope(app), Fetcher(app),
                "/cgi-bin/auth/getuserinfo?code=" + Uri.EscapeDataString(code), cancellationToken).ConfigureAwait(false);
            return new WeComIdentity(body.ErrCode == 0 && !string.IsNullOrEmpty(body.UserId) ? body.UserId : null, body.ErrCode, body.ErrMsg);
        }
        catch (WeChatTokenException e)
        {
            return new WeComIdentity(null, e.ErrorCode, e.ErrorMessage);
        }
    }

    /// <summary>
    /// A template card (<c>msgtype: template_card</c>, e.g. button_interaction) to one member; the result's
    /// <see cref="WeChatSendResult.MsgId"/> is the msgid. Clicks come back as <c>template_card_event</c> callbacks.
    /// </summary>
    public Task<WeChatSendResult> SendTemplateCardAsync(WeComAppOptions app, string toUser, WeComTemplateCard card,
        CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(app) || !long.TryParse(app.AgentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var agentId))
            return Task.FromResult(new WeChatSendResult(WeChatSendStatus.NotConfigured));
        var body = Serialize(new WeComTemplateCardRequest { ToUser = toUser, AgentId = agentId, TemplateCard = card });
        return PostWithTokenAsync(BaseUrl, Scope(app), Fetcher(app), "/cgi-bin/message/send", body, cancellationToken);
    }

    /// <summary>
    /// Updates a clicked card through <c>/cgi-bin/message/update_template_card</c> with the click's response_code (usable
    /// once, for 72 hours): <paramref name="replaceName"/> greys its buttons out under that text, or
    /// <paramref name="card"/> replaces the whole card (a digest keeps its other buttons).
    /// </summary>
    public Task<WeChatSendResult> UpdateTemplateCardAsync(WeComAppOptions app, string userId, string responseCode,
        string? replaceName, WeComTemplateCard? card = null, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(app) || !long.TryParse(app.AgentId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var agentId))
            return Task.FromResult(new WeChatSendResult(WeChatSendStatus.NotConfigured));
        var body = Serialize(new WeComUpdateCardRequest
        {
            UserIds = [userId],
            AgentId = agentId,
            ResponseCode = responseCode,
            Button = card is null ? new WeComReplaceButton { ReplaceName = replaceName ?? "" } : null,
            TemplateCard = card,
        });
        return PostWithTokenAsync(BaseUrl, Scope(app), Fetcher(app), "/cgi-bin/message/update_template_card", body, cancellationToken);
    }

    public static bool IsConfigured(WeComAppOptions app) =>
        !string.IsNullOrEmpty(app.CorpId) && !string.IsNullOrEmpty(app.Secret) && !string.IsNullOrEmpty(app.AgentId);

    // One token per app secret: the agent id tells the apps of one corp apart.
    private static string Scope(WeComAppOptions app) => "wecom:" + app.CorpId + ":" + app.AgentId;

    private Func<CancellationToken, Task<AccessTokenResponse>> Fetcher(WeComAppOptions app) =>
        _fetchers.GetOrAdd(app.CorpId + "\n" + app.Secret, _ => ct => GetTokenAsync(
            $"{BaseUrl}/cgi-bin/gettoken?corpid={Uri.EscapeDataString(app.CorpId)}" +
            $"&corpsecret={Uri.EscapeDataString(app.Secret)}", ct));
}
