using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// Decides who may call <c>/api/messages</c>. With an AppId, a Bearer JWT is required as the Bot Framework SDK
/// requires it: signed by a key from the OpenID metadata, issued by a configured issuer, audience = AppId, and its
/// <c>serviceurl</c> claim (when present) equal to the activity's serviceUrl. Without an AppId the endpoint is for the
/// Emulator on this machine: only loopback callers that no proxy forwarded are answered, unless
/// <c>BotFramework:AllowAnonymous</c> is set.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkAuthenticator> _logger;

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        if (!Enabled) return;
        var metadataUri = new Uri(_options.OpenIdMetadataUrl);
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(BotFrameworkAuthenticator)))
        {
            // https everywhere except a loopback metadata endpoint (local development and tests).
            RequireHttps = !metadataUri.IsLoopback,
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl,
            new OpenIdConnectConfigurationRetriever(), retriever);
    }

    public bool Enabled => !string.IsNullOrWhiteSpace(_options.AppId);

    /// <summary>How this instance admits callers, for the start-up log and the serviceUrl rules.</summary>
    public BotFrameworkCallerMode Mode => Enabled ? BotFrameworkCallerMode.ChannelToken
        : _options.AllowAnonymous ? BotFrameworkCallerMode.Anonymous : BotFrameworkCallerMode.EmulatorOnLoopback;

    /// <summary>
    /// Admits or refuses the caller of <c>/api/messages</c>: the kind of caller, or the 401/403 to answer.
    /// </summary>
    public async Task<(BotFrameworkCaller Caller, IResult? Error)> CheckCallerAsync(HttpContext http, string? serviceUrl,
        CancellationToken ct)
    {
        switch (Mode)
        {
            case BotFrameworkCallerMode.ChannelToken:
                return await AuthenticateAsync(http.Request.Headers.Authorization, serviceUrl, ct).ConfigureAwait(false) is null
                    ? (BotFrameworkCaller.Channel, null)
                    : (BotFrameworkCaller.None, BotFrameworkErrors.Unauthorized("The request is not authenticated for this bot."));
            case BotFrameworkCallerMode.Anonymous:
                return (BotFrameworkCaller.Anonymous, null);
            default:
                if (CallerAddress.IsLocal(http)) return (BotFrameworkCaller.LocalEmulator, null);
                LogRefusedCaller(http.Connection.RemoteIpAddress);
                return (BotFrameworkCaller.None, BotFrameworkErrors.Error(StatusCodes.Status403Forbidden, "Forbidden",
                    "Without BotFramework:AppId this endpoint answers only the Bot Framework Emulator on the same machine (loopback)."));
        }
    }

    /// <summary>Null when the request may proceed, otherwise why it is refused (for the log, not the caller).</summary>
    public async Task<string?> AuthenticateAsync(string? authorizationHeader, string? serviceUrl, CancellationToken ct)
    {
        if (!Enabled) return null;
        if (string.IsNullOrEmpty(authorizationHeader) ||
            !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return "missing bearer token";
        var token = authorizationHeader["Bearer ".Length..].Trim();

        var result = await ValidateAsync(token, refresh: false, ct).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            result = await ValidateAsync(token, refresh: true, ct).ConfigureAwait(false); // keys may have rotated
        if (!result.IsValid)
        {
            _logger.LogWarning("Bot Framework token rejected: {Reason}", result.Exception?.GetType().Name ?? "invalid");
            return result.Exception?.GetType().Name ?? "invalid token";
        }
        if (result.Claims.TryGetValue("serviceurl", out var claimed) && claimed is string claimedUrl &&
            !string.Equals(claimedUrl.TrimEnd('/'), serviceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogWarning("Bot Framework token rejected: serviceurl claim does not match the activity");
            return "serviceurl mismatch";
        }
        return null;
    }

    /// <summary>One warning a minute at most (then debug), so a flood of refused callers cannot flood the log.</summary>
    private void LogRefusedCaller(System.Net.IPAddress? address)
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var last = Interlocked.Read(ref _lastRefusalWarning);
        if (now - last >= 60 && Interlocked.CompareExchange(ref _lastRefusalWarning, now, last) == last)
            _logger.LogWarning("Refused /api/messages from {Address}: no BotFramework:AppId, so only loopback callers are answered " +
                               "(further refusals this minute are logged at debug level)", address);
        else
            _logger.LogDebug("Refused /api/messages from {Address}: not loopback", address);
    }

    private long _lastRefusalWarning = long.MinValue / 2;

    private async Task<TokenValidationResult> ValidateAsync(string token, bool refresh, CancellationToken ct)
    {
        if (refresh) _metadata!.RequestRefresh();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata!.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            _logger.LogError("OpenID metadata {Url} unavailable: {Error}", _options.OpenIdMetadataUrl, e.Message);
            return new TokenValidationResult { IsValid = false, Exception = new SecurityTokenException("metadata unavailable") };
        }
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            LifetimeValidator = ValidateLifetime,
        };
        return await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }

    /// <summary>Lifetime against <see cref="TimeProvider"/> (the library would read the system clock).</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + parameters.ClockSkew < now) return false;
        return notBefore is null || notBefore.Value.ToUniversalTime() - parameters.ClockSkew <= now;
    }
}
