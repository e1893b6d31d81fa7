using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AssistBot.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>
/// Direct Line tokens: compact JWTs (HS256) naming one conversation, its user and county, and an expiry. A token
/// opens only its own conversation, and only while its generation is current (see
/// <see cref="DirectLineConversationStore.AcceptsAsync"/>). The key is <c>BotFramework:DirectLineSecret</c>, or derived from the
/// data-protection key so every instance sharing that key accepts the tokens of the others.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "assistbot/directline";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public DirectLineTokens(IOptions<BotFrameworkOptions> options, PersonalDataProtector protector, TimeProvider time)
    {
        _time = time;
        Lifetime = options.Value.TokenLifetime;
        var secret = options.Value.DirectLineSecret;
        _key = string.IsNullOrWhiteSpace(secret)
            ? Convert.FromHexString(protector.LookupHash("directline-token-key", "v1"))
            : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
    }

    public TimeSpan Lifetime { get; }

    public string Issue(DirectLineGrant grant)
    {
        var now = _time.GetUtcNow();
        var claims = new Claims(Issuer, grant.ConversationId, grant.UserId, grant.County,
            now.ToUnixTimeSeconds(), now.Add(Lifetime).ToUnixTimeSeconds(), grant.Generation);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.Claims));
        var signingInput = new byte[Header.Length + 1 + payload.Length];
        Header.CopyTo(signingInput, 0);
        signingInput[Header.Length] = (byte)'.';
        Encoding.ASCII.GetBytes(payload, signingInput.AsSpan(Header.Length + 1));
        var signature = HMACSHA256.HashData(_key, signingInput);
        return string.Concat(Encoding.ASCII.GetString(signingInput), ".", Base64Url.EncodeToString(signature));
    }

    /// <summary>Checks signature and expiry.</summary>
    public TokenCheck Validate(string? token)
    {
        if (string.IsNullOrEmpty(token)) return new TokenCheck(TokenStatus.Missing, null);
        var lastDot = token.LastIndexOf('.');
        var firstDot = token.IndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot) return new TokenCheck(TokenStatus.Invalid, null);

        if (token.Length > 4096) return new TokenCheck(TokenStatus.Invalid, null);
        var signingInput = Encoding.UTF8.GetBytes(token.AsSpan(0, lastDot).ToString());
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, signingInput, expected);
        Span<byte> actual = stackalloc byte[64];
        var signature = token.AsSpan(lastDot + 1);
        // Base64Url.TryDecodeFromChars throws on malformed input ("Try" covers only the destination's size).
        if (signature.Length is 0 or > 86 || !Base64Url.IsValid(signature) ||
            !Base64Url.TryDecodeFromChars(signature, actual, out var written) || written != 32 ||
            !CryptographicOperations.FixedTimeEquals(expected, actual[..32]))
            return new TokenCheck(TokenStatus.Invalid, null);

        Claims? claims;
        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(firstDot + 1, lastDot - firstDot - 1));
            claims = JsonSerializer.Deserialize(payload, TokenJson.Default.Claims);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return new TokenCheck(TokenStatus.Invalid, null);
        }
        if (claims is null || claims.Iss != Issuer || string.IsNullOrEmpty(claims.Conv))
            return new TokenCheck(TokenStatus.Invalid, null);
        var grant = new DirectLineGrant(claims.Conv, claims.User, claims.County, claims.Gen);
        return _time.GetUtcNow().ToUnixTimeSeconds() >= claims.Exp
            ? new TokenCheck(TokenStatus.Expired, grant)
            : new TokenCheck(TokenStatus.Valid, grant);
    }

    internal sealed record Claims(
        [property: JsonPropertyName("iss")] string Iss,
        [property: JsonPropertyName("conv")] string Conv,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("county")] string County,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("gen")] int Gen = 0);
}
