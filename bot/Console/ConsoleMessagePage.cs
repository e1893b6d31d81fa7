using System.Net;

namespace AssistBot.Bot.StaffConsole;

/// <summary>A small stand-alone page (sign-in failures, 403/404) in the console's style, without the menu.</summary>
public static class ConsoleMessagePage
{
    public static string Render(string title, string message, string linkHref, string linkText) =>
        $"""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)} · 工作台</title><link rel="stylesheet" href="/console/assets/console.css"></head>
        <body><main class="narrow"><h1>{WebUtility.HtmlEncode(title)}</h1><p class="notice" role="alert">{WebUtility.HtmlEncode(message)}</p>
        <p><a class="button" href="{WebUtility.HtmlEncode(linkHref)}">{WebUtility.HtmlEncode(linkText)}</a></p></main></body></html>
        """;
}
