using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// Tencent's WXBizMsgCrypt scheme, used by the Official Account's safe mode and by every WeCom callback:
/// AES-256-CBC (key = Base64(EncodingAESKey + "="), IV = key[0..16]) over
/// <c>random(16) || msg_len (uint32, big-endian, UTF-8 bytes) || msg || receiveId</c>, padded with PKCS#7 to
/// 32-byte blocks (not AES's 16, so .NET's built-in PKCS7 mode cannot be used).
/// </summary>
public sealed class WXBizMsgCrypt : IDisposable
{
    private const int BlockSize = 32;
    private const int RandomLength = 16;
    private readonly Aes _aes;
    private readonly byte[] _iv;
    private readonly byte[] _receiveId;

    public WXBizMsgCrypt(string encodingAesKey, string receiveId)
    {
        if (encodingAesKey is not { Length: 43 })
            throw new ArgumentException("EncodingAESKey must be 43 characters.", nameof(encodingAesKey));
        byte[] key;
        try
        {
            key = Convert.FromBase64String(encodingAesKey + "=");
        }
        catch (FormatException e)
        {
            throw new ArgumentException("EncodingAESKey is not valid Base64.", nameof(encodingAesKey), e);
        }
        if (key.Length != 32) throw new ArgumentException("EncodingAESKey must decode to 32 bytes.", nameof(encodingAesKey));
        _aes = Aes.Create();
        _aes.Key = key;
        _iv = key[..16];
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
        ReceiveId = receiveId;
    }

    /// <summary>The AppID (Official Account) or CorpID (WeCom) every message must carry.</summary>
    public string ReceiveId { get; }

    /// <summary>
    /// Decrypts an Encrypt value. Returns false (never throws) when it is not Base64, not a whole number of blocks,
    /// badly padded, has an impossible length or carries another receiveId.
    /// </summary>
    public bool TryDecrypt(string encrypt, out string message) => TryDecrypt(encrypt, out message, out _);

    public bool TryDecrypt(string encrypt, out string message, out byte[] random16)
    {
        message = "";
        random16 = [];
        if (!TryRent(encrypt, out var rented, out var maxLength)) return false;
        try
        {
            if (!TryOpen(encrypt, rented, maxLength, out var start, out var length)) return false;
            message = Encoding.UTF8.GetString(rented, start, length);
            random16 = rented.AsSpan(start - 4 - RandomLength, RandomLength).ToArray();
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>
    /// Decrypts into a pooled buffer and lets <paramref name="read"/> parse the message's UTF-8 bytes where they lie,
    /// without building a string first (the hot path of safe mode).
    /// </summary>
    public DecryptOutcome TryDecrypt<T>(string encrypt, Utf8MessageReader<T> read, out T result)
    {
        result = default!;
        if (!TryRent(encrypt, out var rented, out var maxLength)) return DecryptOutcome.Undecryptable;
        try
        {
            if (!TryOpen(encrypt, rented, maxLength, out var start, out var length)) return DecryptOutcome.Undecryptable;
            return read(rented, start, length, out result) ? DecryptOutcome.Read : DecryptOutcome.Unreadable;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    private static bool TryRent(string encrypt, out byte[] rented, out int maxLength)
    {
        maxLength = encrypt.Length / 4 * 3;
        rented = maxLength == 0 ? [] : ArrayPool<byte>.Shared.Rent(maxLength * 2);
        return maxLength > 0;
    }

    /// <summary>
    /// Base64-decodes and decrypts into <paramref name="rented"/> (cipher in the first half, plain in the second) and
    /// finds the message. False (never throws) when it is not Base64, not a whole number of blocks, badly padded, has
    /// an impossible length or carries another receiveId.
    /// </summary>
    private bool TryOpen(string encrypt, byte[] rented, int maxLength, out int messageStart, out int messageLength)
    {
        messageStart = messageLength = 0;
        try
        {
            var cipher = rented.AsSpan(0, maxLength);
            if (!Convert.TryFromBase64String(encrypt, cipher, out var cipherLength)
                || cipherLength == 0 || cipherLength % 16 != 0)
                return false;
            var plain = rented.AsSpan(maxLength, cipherLength);
            _aes.DecryptCbc(cipher[..cipherLength], _iv, plain, PaddingMode.None);

            int pad = plain[^1];
            if (pad is < 1 or > BlockSize || pad > plain.Length) return false;
            var content = plain[..^pad];
            if (content.Length < RandomLength + 4) return false;
            var msgLength = BinaryPrimitives.ReadInt32BigEndian(content.Slice(RandomLength, 4));
            if (msgLength < 0 || RandomLength + 4 + msgLength > content.Length) return false;
            var receiveId = content[(RandomLength + 4 + msgLength)..];
            if (!receiveId.SequenceEqual(_receiveId)) return false;
            messageStart = maxLength + RandomLength + 4;
            messageLength = msgLength;
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Encrypts a reply with a fresh random prefix.</summary>
    public string Encrypt(string message)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Encrypt(message, random);
    }

    /// <summary>
    /// Encrypts a reply (fresh random prefix) straight to its Base64 form as ASCII bytes, for writing into a response
    /// without the intermediate strings. Returns the number of bytes written to <paramref name="destination"/>, which
    /// must hold <see cref="MaxEncryptedLength"/> bytes.
    /// </summary>
    public int EncryptToUtf8(string message, Span<byte> destination)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        var rented = ArrayPool<byte>.Shared.Rent(CipherLength(message) * 2);
        try
        {
            var cipher = EncryptInto(message, random, rented);
            var status = System.Buffers.Text.Base64.EncodeToUtf8(cipher, destination, out _, out var written);
            if (status != OperationStatus.Done) throw new ArgumentException("Destination too small.", nameof(destination));
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    /// <summary>The most Base64 bytes <see cref="EncryptToUtf8"/> writes for <paramref name="message"/>.</summary>
    public int MaxEncryptedLength(string message) => System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(CipherLength(message));

    private int CipherLength(string message)
    {
        var contentLength = RandomLength + 4 + Encoding.UTF8.GetByteCount(message) + _receiveId.Length;
        return contentLength + BlockSize - contentLength % BlockSize;
    }

    /// <summary>Pads and encrypts into <paramref name="rented"/> (plain in the first half); returns the cipher text.</summary>
    private ReadOnlySpan<byte> EncryptInto(string message, ReadOnlySpan<byte> random16, byte[] rented)
    {
        var msgLength = Encoding.UTF8.GetByteCount(message);
        var contentLength = RandomLength + 4 + msgLength + _receiveId.Length;
        var pad = BlockSize - contentLength % BlockSize;
        var total = contentLength + pad;
        var plain = rented.AsSpan(0, total);
        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.Slice(RandomLength, 4), msgLength);
        Encoding.UTF8.GetBytes(message, plain.Slice(RandomLength + 4, msgLength));
        _receiveId.CopyTo(plain[(RandomLength + 4 + msgLength)..]);
        plain[contentLength..].Fill((byte)pad);
        var cipher = rented.AsSpan(total, total);
        _aes.EncryptCbc(plain, _iv, cipher, PaddingMode.None);
        return cipher;
    }

    /// <summary>Encrypts with the given 16-byte prefix (tests reproduce the official vectors byte for byte).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        if (random16.Length != RandomLength) throw new ArgumentException("The random prefix must be 16 bytes.", nameof(random16));
        var rented = ArrayPool<byte>.Shared.Rent(CipherLength(message) * 2);
        try
        {
            return Convert.ToBase64String(EncryptInto(message, random16, rented));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    public void Dispose() => _aes.Dispose();
}
