using System.Collections.Concurrent;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.WeChat;

/// <summary>Official Account outbound API: customer-service text (48-hour window), template messages, 订阅通知 (bizsend) and the JS-SDK ticket.</summary>
public sealed class WeChatApiClient(
    IHttpClientFactory httpClientFactory,
    AccessTokenCache tokens,
    IOptionsMonitor<WeChatApiOptions> options,
    ILogger<WeChatApiClient> logger) : WeChatApiCaller(httpClientFactory, tokens, logger)
{
    private readonly ConcurrentDictionary<string, Func<CancellationToken, Task<AccessTokenResponse>>> _fetchers = new();

    private string BaseUrl => options.CurrentValue.ApiBaseUrl.TrimEnd('/');

    public Task<WeChatSendResult> SendCustomerServiceTextAsync(WeChatAccountOptions account, string openId,
        string content, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(account)) return Task.FromResult(new WeChatSendResult(WeChatSendStatus.NotConfigured));
        var body = Serialize(new CustomServiceTextRequest { ToUser = openId, Text = new TextContent { Content = content } });
        return PostWithTokenAsync(BaseUrl, Scope(account), Fetcher(account), "/cgi-bin/message/custom/send", body,
            cancellationToken);
    }

    public Task<WeChatSendResult> SendTemplateAsync(WeChatAccountOptions account, WeChatTemplateMessage message,
        CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(account)) return Task.FromResult(new WeChatSendResult(WeChatSendStatus.NotConfigured));
        var request = new TemplateSendRequest
        {
            ToUser = message.ToUser,
            TemplateId = message.TemplateId,
            Url = message.Url,
            ClientMsgId = message.ClientMsgId,
        };
        foreach (var (key, value) in message.Data) request.Data[key] = new TemplateValue { Value = value };
        return PostWithTokenAsync(BaseUrl, Scope(account), Fetcher(account), "/cgi-bin/message/template/send",
            Serialize(request), cancellationToken);
    }

    /// <summary>
    /// A 订阅通知 through <c>/cgi-bin/message/subscribe/bizsend</c>. The values must already fit their field types
    /// (<see cref="Subscriptions.SubscriptionFields"/>); 43101 means the farmer's consent is used up or refused.
    /// </summary>
    public Task<WeChatSendResult> SendSubscriptionAsync(WeChatAccountOptions account, string openId, string templateId,
        IReadOnlyDictionary<string, string> data, string? page = null, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(account)) return Task.FromResult(new WeChatSendResult(WeChatSendStatus.NotConfigured));
        var request = new SubscribeSendRequest { ToUser = openId, TemplateId = templateId, Page = page };
        foreach (var (key, value) in data) request.Data[key] = new TemplateValue { Value = value };
        return PostWithTokenAsync(BaseUrl, Scope(account), Fetcher(account), "/cgi-bin/message/subscribe/bizsend",
            Serialize(request), cancellationToken);
    }

    /// <summary>
    /// The JS-SDK jsapi_ticket of the account, cached and shared by all instances like the access_token (same
    /// cache, its own scope): fetched once, reused until shortly before it expires.
    /// </summary>
    public async Task<string> GetJsApiTicketAsync(WeChatAccountOptions account, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(account)) throw new WeChatTokenException(0, "AppId/AppSecret not configured");
        return await Tokens.GetAsync("oa-jsapi:" + account.AppId,
            ct => GetTicketAsync(BaseUrl, Scope(account), Fetcher(account), "/cgi-bin/ticket/getticket?type=jsapi", ct),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public static bool IsConfigured(WeChatAccountOptions account) =>
        !string.IsNullOrEmpty(account.AppId) && !string.IsNullOrEmpty(account.AppSecret);

    private static string Scope(WeChatAccountOptions account) => "oa:" + account.AppId;

    private Func<CancellationToken, Task<AccessTokenResponse>> Fetcher(WeChatAccountOptions account) =>
        _fetchers.GetOrAdd(account.AppId + "\n" + account.AppSecret, _ => ct => GetTokenAsync(
            $"{BaseUrl}/cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(account.AppId)}" +
            $"&secret={Uri.EscapeDataString(account.AppSecret)}", ct));
}
