namespace AssistBot.Bot.StaffConsole;

/// <summary>The staff console (<c>Console</c> in appsettings.json).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>WeCom's OAuth2 page inside the WeCom app (网页授权登录); a setting so tests point it at the stand-in.</summary>
    public string OAuthAuthorizeUrl { get; set; } = "https://open.weixin.qq.com/connect/oauth2/authorize";

    /// <summary>WeCom's QR-code web login page for desktop browsers (企业微信扫码登录).</summary>
    public string QrLoginUrl { get; set; } = "https://login.work.weixin.qq.com/wwlogin/sso/login";

    /// <summary>A signed-in session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A declaration whose next deadline is this many days away or fewer shows amber (临近).</summary>
    public int WarnDays { get; set; } = 3;

    /// <summary>The address printed in one-time sign-in links (empty: the first of <c>Urls</c>).</summary>
    public string PublicBaseUrl { get; set; } = "";
}
