using System.Collections.Concurrent;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// access_tokens shared by every instance through storage. The OA's /cgi-bin/token invalidates the previous token
/// whenever it is called, so exactly one instance refreshes at a time (a storage claim); the others wait briefly
/// and re-read. A token is reused until <see cref="RefreshMargin"/> before it expires, and refreshed early when an
/// API call reports it invalid (the caller passes the rejected token).
/// </summary>
public sealed class AccessTokenCache(IDocumentStore documents, IClaimStore claims, TimeProvider time,
    ILogger<AccessTokenCache> logger)
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RefreshClaim = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitForOtherRefresher = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, StoredAccessToken> _local = new(StringComparer.Ordinal);

    /// <summary>A token for <paramref name="scope"/> (e.g. "oa:{appid}"), fetching one with <paramref name="fetch"/> if needed.</summary>
    /// <param name="rejected">A token the platform just rejected (40001/42001); it is never returned again.</param>
    public async ValueTask<string> GetAsync(string scope, Func<CancellationToken, Task<AccessTokenResponse>> fetch,
        string? rejected = null, CancellationToken cancellationToken = default)
    {
        if (_local.TryGetValue(scope, out var local) && Usable(local, rejected)) return local.Token;

        var key = StorageKey(scope);
        var stored = await documents.ReadAsync<StoredAccessToken>(key, cancellationToken).ConfigureAwait(false);
        if (stored is not null && Usable(stored.Value, rejected)) return Remember(scope, stored.Value);

        var claimKey = "wechat:token-refresh:" + scope;
        var deadline = time.GetUtcNow() + WaitForOtherRefresher;
        while (true)
        {
            if (await claims.TryClaimAsync(claimKey, RefreshClaim, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    // Another instance may have refreshed between our read and our claim.
                    stored = await documents.ReadAsync<StoredAccessToken>(key, cancellationToken).ConfigureAwait(false);
                    if (stored is not null && Usable(stored.Value, rejected)) return Remember(scope, stored.Value);

                    var fetched = await fetch(cancellationToken).ConfigureAwait(false);
                    var now = time.GetUtcNow();
                    var lifetime = TimeSpan.FromSeconds(Math.Max(fetched.ExpiresIn, 1));
                    // Reuse until 5 minutes before expiry; short-lived tokens (tests) until half their life.
                    var reuseFor = lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2;
                    var token = new StoredAccessToken(fetched.AccessToken, now + lifetime, now + reuseFor);
                    await documents.WriteAsync(key, token, WriteCondition.Always, lifetime,
                        cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Refreshed access_token for {Scope}; valid until {ExpiresAt:O}", scope, token.ExpiresAt);
                    Observability.AssistBotTelemetry.TokenRefreshes.Add(1);
                    return Remember(scope, token);
                }
                finally
                {
                    await claims.ReleaseClaimAsync(claimKey, CancellationToken.None).ConfigureAwait(false);
                }
            }

            // Someone else is refreshing: wait for their token to appear.
            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            stored = await documents.ReadAsync<StoredAccessToken>(key, cancellationToken).ConfigureAwait(false);
            if (stored is not null && Usable(stored.Value, rejected)) return Remember(scope, stored.Value);
            if (time.GetUtcNow() > deadline)
                throw new TimeoutException($"Timed out waiting for another instance to refresh the access_token for {scope}.");
        }
    }

    /// <summary>Forgets the locally cached token (the stored one is replaced on the next refresh).</summary>
    public void Forget(string scope) => _local.TryRemove(scope, out _);

    private static string StorageKey(string scope) => "wechat/tokens/" + scope;

    private bool Usable(StoredAccessToken token, string? rejected) =>
        token.Token.Length > 0
        && !string.Equals(token.Token, rejected, StringComparison.Ordinal)
        && time.GetUtcNow() < token.RefreshAfter;

    private string Remember(string scope, StoredAccessToken token)
    {
        _local[scope] = token;
        return token.Token;
    }
}
