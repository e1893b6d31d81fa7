namespace AssistBot.Bot.BotFramework;

/// <summary>Binds <c>BotFramework</c>: the Bot Framework Activity endpoint, Direct Line and the web chat page.</summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    /// <summary>
    /// The bot's Microsoft App Id. Empty: <c>/api/messages</c> is for the Bot Framework Emulator on this machine and
    /// answers only loopback callers (unless <see cref="AllowAnonymous"/>). Set: a Bearer JWT with audience = AppId is
    /// required.
    /// </summary>
    public string AppId { get; set; } = "";

    /// <summary>
    /// Without an AppId, accept unauthenticated <c>/api/messages</c> requests from any address (not only loopback).
    /// For a test deployment behind a trusted network only: anyone who reaches the endpoint can then talk to the bot
    /// as any Bot Framework user.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Where replies of <c>/api/messages</c> may be posted: <c>scheme://host[:port]</c>, the host may start with
    /// <c>*.</c>. Empty (the default): the Bot Framework channel hosts (<see cref="DefaultServiceUrls"/>). Loopback
    /// serviceUrls are allowed without listing them only for the Emulator (no AppId, loopback caller); private,
    /// link-local and loopback addresses are otherwise refused unless an entry names that address (or localhost).
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>The Bot Framework service hosts replies go to when <see cref="AllowedServiceUrls"/> is empty.</summary>
    public static IReadOnlyList<string> DefaultServiceUrls { get; } =
    [
        "https://*.botframework.com",
        "https://smba.trafficmanager.net",
        "https://*.botframework.azure.us",
        "https://*.botframework.azure.cn",
    ];

    /// <summary>How long one reply to a serviceUrl may take, retries included, before it is given up.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The bot's app password (client secret). With AppId, replies sent to a serviceUrl carry a Bearer token
    /// obtained with the OAuth2 client-credentials grant, as the Bot Connector requires.
    /// </summary>
    public string AppPassword { get; set; } = "";

    /// <summary>Where that token is obtained.</summary>
    public string OAuthTokenUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Where the signing keys of channel tokens are published (OpenID Connect metadata).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accepted token issuers (the Bot Connector service by default).</summary>
    public List<string> ValidIssuers { get; set; } = ["https://api.botframework.com"];

    /// <summary>
    /// Signs Direct Line tokens (HMAC-SHA256). Empty: a key derived from <c>DataProtection:Key</c> is used, so
    /// several instances with the same data-protection key accept each other's tokens.
    /// </summary>
    public string DirectLineSecret { get; set; } = "";

    /// <summary>How long a Direct Line token is valid (clients refresh it before then).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a Direct Line conversation and its activities are kept.</summary>
    public TimeSpan ConversationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The bot's id and name in activities it sends on Direct Line.</summary>
    public string BotId { get; set; } = "assistbot";

    public string BotName { get; set; } = "乡村振兴政策助手";
}
