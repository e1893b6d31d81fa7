using System.Net;
using System.Reflection;
using System.Text;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.BotFramework.WebChat;

/// <summary>
/// <c>GET /chat/{county}</c>: the web chat page a county website links to (plain HTML + JS, no CDN), talking to
/// the county's Direct Line endpoint; <c>GET /chat/assets/{file}</c>: its script and styles.
/// </summary>
public static class WebChatEndpoints
{
    private static readonly Lazy<string> PageTemplate = new(() => Encoding.UTF8.GetString(Resource("chat.html")));
    private static readonly Dictionary<string, (string ContentType, Lazy<byte[]> Content)> Assets = new(StringComparer.Ordinal)
    {
        ["chat.js"] = ("text/javascript; charset=utf-8", new(() => Resource("chat.js"))),
        ["chat.css"] = ("text/css; charset=utf-8", new(() => Resource("chat.css"))),
        // 长辈模式 switch, shared with the 订阅通知 page.
        ["elder.js"] = ("text/javascript; charset=utf-8", new(() => Resource("elder.js"))),
    };

    public static IEndpointRouteBuilder MapWebChatEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/chat/{county}", (string county, Counties counties, HttpResponse response) =>
        {
            if (!counties.TryGet(county, out var c))
                return Results.Content(NotFoundPage, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
            response.Headers.CacheControl = "no-cache";
            var page = PageTemplate.Value
                .Replace("{{countyName}}", WebUtility.HtmlEncode(c.Name), StringComparison.Ordinal)
                .Replace("{{countyId}}", WebUtility.HtmlEncode(c.Id), StringComparison.Ordinal);
            return Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8);
        });
        endpoints.MapGet("/chat/assets/{file}", (string file, HttpResponse response) =>
        {
            if (!Assets.TryGetValue(file, out var asset)) return Results.NotFound();
            response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(asset.Content.Value, asset.ContentType);
        });
        return endpoints;
    }

    private const string NotFoundPage =
        "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>未找到</title><p>没有找到这个县的政策助手，请检查网址。</p></html>";

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AssistBot.WebChat." + name)
            ?? throw new InvalidOperationException($"Embedded web chat asset {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
