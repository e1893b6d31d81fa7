using System.Security.Cryptography;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.WeChat;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// Sign-in with WeCom: <c>GET /console/signin/wecom/{county}?mode=oauth|qr</c> sends the browser to WeCom's OAuth2
/// page (inside the WeCom app) or its QR-code web login (desktop), with a one-time <c>state</c> kept in a cookie;
/// WeCom sends it back to <c>/console/signin/callback/{county}?code=…&amp;state=…</c>, where
/// <c>auth/getuserinfo</c> turns the code into a UserId and the roster into a staff member.
/// </summary>
public static class WeComSignIn
{
    private const string StateCookie = "console.signin";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/console/signin/wecom/{county}", Start);
        endpoints.MapGet("/console/signin/callback/{county}", CallbackAsync);
    }

    private static IResult Start(string county, string? mode, string? returnUrl, HttpContext http, Counties counties,
        IOptions<ConsoleOptions> options)
    {
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        var app = c.Options.WeCom;
        if (!WeComApiClient.IsConfigured(app)) return Failed(ConsoleTexts.WeComNotConfigured);
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(StateCookie, state + "|" + Uri.EscapeDataString(LocalOnly(returnUrl)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax, // WeCom brings the browser back with a top-level GET
            Secure = http.Request.IsHttps,
            Path = "/console/signin",
            MaxAge = TimeSpan.FromMinutes(10),
        });
        var callback = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/console/signin/callback/{Uri.EscapeDataString(c.Id)}";
        var url = mode == "qr"
            ? $"{options.Value.QrLoginUrl}?login_type=CorpApp&appid={Uri.EscapeDataString(app.CorpId)}&agentid={Uri.EscapeDataString(app.AgentId)}" +
              $"&redirect_uri={Uri.EscapeDataString(callback)}&state={state}"
            : $"{options.Value.OAuthAuthorizeUrl}?appid={Uri.EscapeDataString(app.CorpId)}&redirect_uri={Uri.EscapeDataString(callback)}" +
              $"&response_type=code&scope=snsapi_base&state={state}&agentid={Uri.EscapeDataString(app.AgentId)}#wechat_redirect";
        return Results.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(string county, string? code, string? state, HttpContext http, Counties counties,
        WeComApiClient wecom, RosterStore roster, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(WeComSignIn));
        if (!counties.TryGet(county, out var c)) return Results.NotFound();
        var cookie = http.Request.Cookies[StateCookie];
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/console/signin" });
        var parts = cookie?.Split('|', 2);
        if (parts is not { Length: 2 } || string.IsNullOrEmpty(state) || !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(parts[0]), System.Text.Encoding.ASCII.GetBytes(state)))
            return Failed(ConsoleTexts.StateMismatch);
        if (string.IsNullOrEmpty(code) || code.Length > 512) return Failed(ConsoleTexts.SignInFailed);

        var identity = await wecom.GetUserIdAsync(c.Options.WeCom, code, ct).ConfigureAwait(false);
        if (identity.UserId is null)
        {
            logger.LogWarning("Console sign-in for {County}: WeCom named no member ({Code} {Message})", county, identity.ErrorCode, identity.ErrorMessage);
            return Failed(ConsoleTexts.SignInFailed);
        }
        var cadre = await roster.GetAsync(c.Id, identity.UserId, ct).ConfigureAwait(false);
        if (cadre is null)
        {
            logger.LogWarning("Console sign-in for {County}: WeCom user {UserId} is not on the roster", county, identity.UserId);
            return Failed(ConsoleTexts.NotOnRoster, StatusCodes.Status403Forbidden);
        }
        await http.SignInAsync(StaffUser.Scheme, StaffUser.Principal(c.Id, cadre.UserId, cadre.Name, StaffUser.WeComKind)).ConfigureAwait(false);
        logger.LogInformation("Console sign-in: {County}/{UserId} ({Role})", c.Id, cadre.UserId, StaffUser.RoleOf(cadre));
        return Results.Redirect(Uri.UnescapeDataString(parts[1]));
    }

    /// <summary>Only paths inside the console; anything else (another host, //host) goes to the console's start.</summary>
    internal static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } r && r.StartsWith("/console", StringComparison.Ordinal) && !r.StartsWith("//", StringComparison.Ordinal)
            && !r.Contains('\\') ? r : "/console";

    internal static IResult Failed(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Content(ConsoleMessagePage.Render("无法登录", message, "/console/signin", "重新登录"), "text/html; charset=utf-8",
            System.Text.Encoding.UTF8, status);
}
