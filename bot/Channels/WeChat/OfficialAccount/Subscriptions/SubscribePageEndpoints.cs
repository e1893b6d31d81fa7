using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// <c>GET /wechat/{county}/subscribe</c>: the 订阅通知 page a farmer opens in WeChat (from the menu or a message),
/// listing the county's configured subscriptions in plain words with WeChat's subscribe button for each;
/// <c>GET /wechat/{county}/subscribe/config?url=…</c>: the <c>wx.config</c> values for that page, signed with the
/// account's jsapi_ticket. The page honours <c>?elder=1</c> (长辈模式, shared with the web chat).
/// </summary>
public static class SubscribePageEndpoints
{
    private const string PagePath = "/subscribe";
    private const int MaxUrlLength = 2048;

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AssistBot.Subscriptions.subscribe.html")
            ?? throw new InvalidOperationException("Embedded subscribe page is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static IEndpointRouteBuilder MapWeChatSubscribePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wechat/{county}" + PagePath, Page);
        app.MapGet("/wechat/{county}" + PagePath + "/config", ConfigAsync);
        return app;
    }

    private static IResult Page(string county, Counties counties, HttpResponse response)
    {
        if (!counties.TryGet(county, out var c))
            return Results.Content(NotFoundPage, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
        response.Headers.CacheControl = "no-cache";
        var items = new StringBuilder();
        foreach (var (kind, template) in c.Options.WeChat.Subscriptions.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(template.TemplateId)) continue;
            var (title, description) = SubscriptionTexts.ForKind(kind);
            items.Append("<li class=\"item\" data-kind=\"").Append(Html(kind)).Append("\" data-template=\"").Append(Html(template.TemplateId))
                .Append("\"><h2>").Append(Html(template.Title ?? title)).Append("</h2><p>").Append(Html(template.Description ?? description))
                .Append("</p><p class=\"kind\">").Append(Html(template.LongTerm ? SubscriptionTexts.LongTerm : SubscriptionTexts.OneTime))
                .Append("</p><div class=\"slot\"></div><p class=\"result\" role=\"status\"></p></li>");
        }
        if (items.Length == 0) items.Append("<li class=\"item\"><p>").Append(Html(SubscriptionTexts.NoneConfigured)).Append("</p></li>");
        var texts = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["openInWeChat"] = SubscriptionTexts.OpenInWeChat,
            ["subscribe"] = SubscriptionTexts.SubscribeButton,
            ["accepted"] = SubscriptionTexts.Accepted,
            ["rejected"] = SubscriptionTexts.Rejected,
            ["failed"] = SubscriptionTexts.Failed,
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        var page = Template.Value
            .Replace("{{title}}", Html(SubscriptionTexts.PageTitle(c.Name)), StringComparison.Ordinal)
            .Replace("{{countyId}}", Html(c.Id), StringComparison.Ordinal)
            .Replace("{{intro}}", Html(SubscriptionTexts.Intro), StringComparison.Ordinal)
            .Replace("{{howToStop}}", Html(SubscriptionTexts.HowToStop), StringComparison.Ordinal)
            .Replace("{{texts}}", texts, StringComparison.Ordinal)
            .Replace("{{items}}", items.ToString(), StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> ConfigAsync(string county, string? url, Counties counties, WeChatApiClient api,
        TimeProvider time, ILogger<SubscribePageLog> log, CancellationToken cancellationToken)
    {
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        // Only this county's subscribe page is signed: an absolute http(s) URL whose path is the page's.
        if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.Equals(uri.AbsolutePath.TrimEnd('/'), $"/wechat/{c.Id}{PagePath}", StringComparison.Ordinal))
            return Results.Problem("url must be this county's subscribe page", statusCode: StatusCodes.Status400BadRequest);
        var account = c.Options.WeChat;
        if (!WeChatApiClient.IsConfigured(account))
        {
            log.LogError("County {County}: Counties:{County}:WeChat:AppId/AppSecret not configured; the subscribe page cannot sign wx.config",
                c.Id, c.Id);
            return Results.Problem("WeChat is not configured for this county", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        string ticket;
        try
        {
            ticket = await api.GetJsApiTicketAsync(account, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WeChatTokenException or HttpRequestException or TimeoutException
                                   || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            log.LogWarning("No jsapi_ticket for {County}: {Error}", c.Id, e.Message);
            return Results.Problem("WeChat is not reachable; try again", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = JsSdkSignature.NewNonce();
        return Results.Json(new
        {
            appId = account.AppId,
            timestamp,
            nonceStr = nonce,
            signature = JsSdkSignature.Compute(ticket, nonce, timestamp, url),
        });
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private const string NotFoundPage =
        "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到</title><p>没有找到这个县的订阅通知页面，请检查网址。</p></html>";
}
