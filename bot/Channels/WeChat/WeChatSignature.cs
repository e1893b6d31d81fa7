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

    /// <summary>The safe-mode signature of an Encrypt value given as its ASCII bytes (see WXBizMsgCrypt.EncryptToUtf8).</summary>
    public static string Compute(string token, string timestamp, string nonce, ReadOnlySpan<byte> encryptAscii)
    {
        var head = Encoding.UTF8.GetByteCount(token) + Encoding.UTF8.GetByteCount(timestamp) + Encoding.UTF8.GetByteCount(nonce);
        var buffer = ArrayPool<byte>.Shared.Rent(2 * (head + encryptAscii.Length));
        try
        {
            // The four parts side by side in the first half, then concatenated in ordinal (byte) order in the second.
            Span<(int Start, int Length)> parts = stackalloc (int, int)[4];
            var offset = 0;
            foreach (var (part, i) in new[] { (token, 0), (timestamp, 1), (nonce, 2) })
            {
                var written = Encoding.UTF8.GetBytes(part, buffer.AsSpan(offset));
                parts[i] = (offset, written);
                offset += written;
            }
            encryptAscii.CopyTo(buffer.AsSpan(offset));
            parts[3] = (offset, encryptAscii.Length);
            var total = offset + encryptAscii.Length;
            for (var i = 1; i < parts.Length; i++)
                for (var j = i; j > 0 && Segment(buffer, parts[j - 1]).SequenceCompareTo(Segment(buffer, parts[j])) > 0; j--)
                    (parts[j - 1], parts[j]) = (parts[j], parts[j - 1]);
            var joined = buffer.AsSpan(total, total);
            var at = 0;
            foreach (var part in parts)
            {
                Segment(buffer, part).CopyTo(joined[at..]);
                at += part.Length;
            }
            Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
            SHA1.HashData(joined, hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        static ReadOnlySpan<byte> Segment(byte[] buffer, (int Start, int Length) part) => buffer.AsSpan(part.Start, part.Length);
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
