using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// WeChat / WeCom callback signatures: SHA-1 (lower-case hex) over the parameters sorted ordinally and concatenated.
/// Plain mode signs (token, timestamp, nonce); safe mode and WeCom add the Encrypt value.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(string token, string timestamp, string nonce, string? encrypt = null)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(token, timestamp, nonce, encrypt, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Checks <paramref name="signature"/> (hex, any case) in constant time.</summary>
    public static bool Verify(string? signature, string token, string timestamp, string nonce, string? encrypt = null)
    {
        if (signature is null || signature.Length != SHA1.HashSizeInBytes * 2) return false;
        Span<byte> expected = stackalloc byte[SHA1.HashSizeInBytes];
        Span<byte> given = stackalloc byte[SHA1.HashSizeInBytes];
        if (Convert.FromHexString(signature, given, out _, out var written) != OperationStatus.Done || written != given.Length)
            return false;
        Hash(token, timestamp, nonce, encrypt, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static void Hash(string token, string timestamp, string nonce, string? encrypt, Span<byte> destination)
    {
        // Ordinal order matters: culture-aware sorting puts "a…" before "B…" and yields a wrong signature.
        var parts = encrypt is null ? new[] { token, timestamp, nonce } : new[] { token, timestamp, nonce, encrypt };
        Array.Sort(parts, StringComparer.Ordinal);
        var length = 0;
        foreach (var part in parts) length += Encoding.UTF8.GetByteCount(part);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var offset = 0;
            foreach (var part in parts) offset += Encoding.UTF8.GetBytes(part, buffer.AsSpan(offset));
            SHA1.HashData(buffer.AsSpan(0, offset), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
