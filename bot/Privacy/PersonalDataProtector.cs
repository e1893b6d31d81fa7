using System.Security.Cryptography;
using System.Text;

namespace AssistBot.Bot.Privacy;

/// <summary>
/// Encrypts personal data (身份证号, phone) for storage with AES-256-GCM, and computes keyed hashes (HMAC-SHA256)
/// so records can be found by an ID number without storing it in the clear. Separate subkeys are derived from
/// the one configured master key for each job.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Version = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    public PersonalDataProtector(ReadOnlySpan<byte> masterKey)
    {
        if (masterKey.Length != 32) throw new ArgumentException("The data-protection key must be 32 bytes.", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "assistbot/encrypt"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.ToArray(), 32, info: "assistbot/lookup"u8.ToArray());
    }

    /// <summary>"v1:" + base64(nonce ‖ ciphertext ‖ tag). Null and empty stay as they are.</summary>
    public string? Protect(string? plaintext)
    {
        if (string.IsNullOrEmpty(plaintext)) return plaintext;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length));
        CryptographicOperations.ZeroMemory(plain);
        return Version + Convert.ToBase64String(output);
    }

    /// <summary>Reverses <see cref="Protect"/>. Throws <see cref="CryptographicException"/> on a wrong key or tampering.</summary>
    public string? Unprotect(string? protectedValue)
    {
        if (string.IsNullOrEmpty(protectedValue)) return protectedValue;
        if (!protectedValue.StartsWith(Version, StringComparison.Ordinal))
            throw new CryptographicException("Unknown protected-data format.");
        var input = Convert.FromBase64String(protectedValue[Version.Length..]);
        if (input.Length < NonceSize + TagSize) throw new CryptographicException("Protected data is truncated.");
        var cipherLength = input.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, cipherLength),
            input.AsSpan(NonceSize + cipherLength), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A stable keyed hash for lookups ("find the household with this ID number"). <paramref name="purpose"/>
    /// separates kinds ("id", "phone") so equal strings of different kinds never collide.
    /// </summary>
    public string LookupHash(string purpose, string value)
    {
        var normalized = purpose + "\n" + value.Trim().ToUpperInvariant();
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalized), hash);
        return Convert.ToHexStringLower(hash);
    }
}
