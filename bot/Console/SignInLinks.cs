using System.Security.Cryptography;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// One-time sign-in links for a county administrator without WeCom: a random token, stored only as its hash, valid
/// <see cref="Lifetime"/>, consumed by the first sign-in (a claim in storage, so two instances cannot both accept it).
/// </summary>
public sealed class SignInLinks(IDocumentStore documents, IClaimStore claims, TimeProvider time,
    ILogger<SignInLinks> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Creates a link token for <paramref name="county"/>; the caller shows it once.</summary>
    public async Task<string> CreateAsync(string county, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await documents.WriteAsync(Key(token), new LinkRecord(county, now + Lifetime, Hash(token)[..8]), WriteCondition.IfNotExists, Lifetime, ct).ConfigureAwait(false);
        logger.LogInformation("One-time console sign-in link created for {County} (id {LinkId})", county, Hash(token)[..8]);
        return token;
    }

    /// <summary>The county and link id when <paramref name="token"/> is valid and unused; it is then used up.</summary>
    public async Task<(string County, string LinkId)?> ConsumeAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var item = await documents.ReadAsync<LinkRecord>(Key(token), ct).ConfigureAwait(false);
        if (item is null || item.Value.ExpiresAt <= time.GetUtcNow()) return null;
        if (!await claims.TryClaimAsync(Key(token) + ":used", Lifetime, ct).ConfigureAwait(false)) return null;
        await documents.DeleteAsync(Key(token), ct).ConfigureAwait(false);
        logger.LogInformation("One-time console sign-in link {LinkId} used for {County}", item.Value.LinkId, item.Value.County);
        return (item.Value.County, item.Value.LinkId);
    }

    /// <summary>True when the token names a link that is still unused and in time (without using it).</summary>
    public async Task<bool> IsValidAsync(string token, CancellationToken ct = default) =>
        !string.IsNullOrEmpty(token) && token.Length <= 100 &&
        await documents.ReadAsync<LinkRecord>(Key(token), ct).ConfigureAwait(false) is { } item && item.Value.ExpiresAt > time.GetUtcNow();

    private static string Key(string token) => "console:link:" + Hash(token);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record LinkRecord(string County, DateTimeOffset ExpiresAt, string LinkId);
}
