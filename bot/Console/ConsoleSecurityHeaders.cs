namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// Headers on every /console response: a strict Content-Security-Policy (own scripts, styles and images only; no
/// framing; forms post only here), no caching of pages with personal data, no referrer (a one-time link never leaks).
/// </summary>
public sealed class ConsoleSecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/console"))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (!context.Request.Path.StartsWithSegments("/console/assets")) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
