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
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        Hash(token, timestamp, nonce, encryptAscii, withEncrypt: true, hash);
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
        if (encrypt is null)
        {
            Hash(token, timestamp, nonce, [], withEncrypt: false, destination);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(encrypt.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(encrypt, buffer);
            Hash(token, timestamp, nonce, buffer.AsSpan(0, length), withEncrypt: true, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// SHA-1 over the parts in ordinal order. They are compared as UTF-8 bytes, which orders like the UTF-16 ordinal
    /// sort the platforms use for these ASCII values (culture-aware sorting would put "a…" before "B…": a wrong signature).
    /// </summary>
    private static void Hash(string token, string timestamp, string nonce, ReadOnlySpan<byte> encrypt, bool withEncrypt,
        Span<byte> destination)
    {
        var head = Encoding.UTF8.GetByteCount(token) + Encoding.UTF8.GetByteCount(timestamp) + Encoding.UTF8.GetByteCount(nonce);
        var total = head + encrypt.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(2 * total);
        try
        {
            // The parts side by side in the first half, then concatenated in order in the second.
            Span<(int Start, int Length)> parts = stackalloc (int, int)[withEncrypt ? 4 : 3];
            var offset = 0;
            parts[0] = Put(token, buffer, ref offset);
            parts[1] = Put(timestamp, buffer, ref offset);
            parts[2] = Put(nonce, buffer, ref offset);
            if (withEncrypt)
            {
                encrypt.CopyTo(buffer.AsSpan(offset));
                parts[3] = (offset, encrypt.Length);
            }
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
            SHA1.HashData(joined, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        static (int, int) Put(string part, byte[] buffer, ref int offset)
        {
            var written = Encoding.UTF8.GetBytes(part, buffer.AsSpan(offset));
            var placed = (offset, written);
            offset += written;
            return placed;
        }

        static ReadOnlySpan<byte> Segment(byte[] buffer, (int Start, int Length) part) => buffer.AsSpan(part.Start, part.Length);
    }
}
