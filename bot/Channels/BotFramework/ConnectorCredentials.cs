using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// The Bearer token the bot presents to a Bot Connector (OAuth2 client credentials with AppId/AppPassword), cached
/// until shortly before it expires. Without AppId and AppPassword there is none: replies go unauthenticated, as the
/// SDK sends them to the Emulator.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A singleton that lives as long as the process; disposing the refresh lock at shutdown while a late turn or StopAsync still uses it would throw (ObjectDisposedException), and the OS frees it anyway.")]
public sealed class ConnectorCredentials(
    IOptions<BotFrameworkOptions> options,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger<ConnectorCredentials> logger)
{
    private static readonly TimeSpan RefreshEarly = TimeSpan.FromMinutes(5);
    private readonly BotFrameworkOptions _options = options.Value;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Value, DateTimeOffset RefreshAt)? _token;

    public bool Enabled => !string.IsNullOrWhiteSpace(_options.AppId) && !string.IsNullOrWhiteSpace(_options.AppPassword);

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return null;
        if (_token is { } cached && time.GetUtcNow() < cached.RefreshAt) return cached.Value;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < fresh.RefreshAt) return fresh.Value;
            using var response = await httpClients.CreateClient(nameof(ConnectorCredentials)).PostAsync(_options.OAuthTokenUrl,
                new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = _options.AppId,
                    ["client_secret"] = _options.AppPassword,
                    ["scope"] = _options.OAuthScope,
                }), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError("Connector token request to {Url} failed with {Status}", _options.OAuthTokenUrl, (int)response.StatusCode);
                throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
            }
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false)
                       ?? throw new HttpRequestException("The token endpoint sent no token.");
            if (string.IsNullOrEmpty(body.AccessToken)) throw new HttpRequestException("The token endpoint sent no token.");
            var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
            _token = (body.AccessToken, time.GetUtcNow() + (lifetime > RefreshEarly * 2 ? lifetime - RefreshEarly : lifetime / 2));
            return body.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
