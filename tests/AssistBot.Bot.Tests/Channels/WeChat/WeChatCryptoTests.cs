using System.Text;
using System.Text.Json;
using AssistBot.Bot.WeChat;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>The official vectors (../shared/reference/wechat-vectors.json) and the crypto edge cases.</summary>
public sealed class WeChatCryptoTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "WeChat", "wechat-vectors.json"))).RootElement;

    public static TheoryData<string> DecryptIds() => new() { "V1", "V3", "V9" };

    public static TheoryData<string> PlainSignatureIds() => new() { "S1", "S2", "S3" };

    private static JsonElement Vector(string section, string id) =>
        Vectors.GetProperty(section).EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static string S(JsonElement v, string name) => v.GetProperty(name).GetString()!;

    [Theory]
    [MemberData(nameof(DecryptIds))]
    public void Official_vector_signature_verifies(string id)
    {
        var v = Vector("decrypt_vectors", id);
        Assert.True(WeChatSignature.Verify(S(v, "msg_signature"), S(v, "token"), S(v, "timestamp"), S(v, "nonce"), S(v, "encrypt")));
        Assert.Equal(S(v, "msg_signature"), WeChatSignature.Compute(S(v, "token"), S(v, "timestamp"), S(v, "nonce"), S(v, "encrypt")));
        if (v.TryGetProperty("url_signature_plain", out var plain))
            Assert.True(WeChatSignature.Verify(plain.GetString(), S(v, "token"), S(v, "timestamp"), S(v, "nonce")));
    }

    [Theory]
    [MemberData(nameof(DecryptIds))]
    public void Official_vector_decrypts_and_reencrypts_byte_for_byte(string id)
    {
        var v = Vector("decrypt_vectors", id);
        using var crypt = new WXBizMsgCrypt(S(v, "encoding_aes_key"), S(v, "receive_id"));

        Assert.True(crypt.TryDecrypt(S(v, "encrypt"), out var message, out var random));
        Assert.Equal(S(v, "plaintext"), message);
        Assert.Equal(S(v, "random16_ascii"), Encoding.ASCII.GetString(random));
        Assert.Equal(v.GetProperty("ciphertext_bytes").GetInt32(), Convert.FromBase64String(S(v, "encrypt")).Length);

        Assert.Equal(S(v, "encrypt"), crypt.Encrypt(message, random));
    }

    [Fact]
    public void Official_reply_vector_encrypts_and_signs_exactly()
    {
        var v = Vector("encrypt_vectors", "V9r");
        using var crypt = new WXBizMsgCrypt(S(v, "encoding_aes_key"), S(v, "receive_id"));
        var encrypt = crypt.Encrypt(S(v, "plaintext"), Encoding.ASCII.GetBytes(S(v, "random16")));
        Assert.Equal(S(v, "expected_encrypt"), encrypt);
        Assert.Equal(S(v, "expected_msg_signature"), WeChatSignature.Compute(S(v, "token"), S(v, "timestamp"), S(v, "nonce"), encrypt));
    }

    [Theory]
    [MemberData(nameof(PlainSignatureIds))]
    public void Official_plain_signatures_verify(string id)
    {
        var v = Vector("plain_signature_vectors", id);
        Assert.Equal(S(v, "signature"), WeChatSignature.Compute(S(v, "token"), S(v, "timestamp"), S(v, "nonce")));
        Assert.True(WeChatSignature.Verify(S(v, "signature"), S(v, "token"), S(v, "timestamp"), S(v, "nonce")));
        Assert.True(WeChatSignature.Verify(S(v, "signature").ToUpperInvariant(), S(v, "token"), S(v, "timestamp"), S(v, "nonce")));
    }

    [Fact]
    public void Signature_sorts_ordinally_not_by_culture()
    {
        // Ordinal: "B…" (0x42) sorts before "a…" (0x61); culture-aware comparison does the reverse.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("123456Bcdabc")));
        Assert.Equal(expected, WeChatSignature.Compute("abc", "123", "456", "Bcd"));
        Assert.NotEqual(expected, Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(
            Encoding.UTF8.GetBytes(string.Concat(new[] { "abc", "123", "456", "Bcd" }.Order(StringComparer.InvariantCulture))))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-hex-not-hex-not-hex-not-hex-not-hex!")]
    [InlineData("f464b24fc39322e44b38aa78f5edd27bd1441697")] // last digit changed
    [InlineData("f464b24fc39322e44b38aa78f5edd27bd144169")]  // too short
    public void Wrong_or_malformed_signatures_fail(string? signature) =>
        Assert.False(WeChatSignature.Verify(signature, "AAAAA", "1714036504", "1514711492"));

    [Fact]
    public void Another_receive_id_is_rejected()
    {
        var v = Vector("decrypt_vectors", "V1");
        using var crypt = new WXBizMsgCrypt(S(v, "encoding_aes_key"), "wx0000000000000000");
        Assert.False(crypt.TryDecrypt(S(v, "encrypt"), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("AAAA")] // 3 bytes: not a whole block
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // one block of garbage
    public void Garbage_ciphertext_is_rejected_without_throwing(string encrypt)
    {
        using var crypt = new WXBizMsgCrypt(TestAccounts.OaAesKey, TestAccounts.OaAppId);
        Assert.False(crypt.TryDecrypt(encrypt, out _));
    }

    [Fact]
    public void Tampered_ciphertext_is_rejected()
    {
        var v = Vector("decrypt_vectors", "V1");
        using var crypt = new WXBizMsgCrypt(S(v, "encoding_aes_key"), S(v, "receive_id"));
        var bytes = Convert.FromBase64String(S(v, "encrypt"));
        bytes[^1] ^= 0x5a; // corrupts the padding block
        Assert.False(crypt.TryDecrypt(Convert.ToBase64String(bytes), out _));
    }

    [Fact]
    public void Round_trips_chinese_text_at_every_padding_length()
    {
        using var crypt = new WXBizMsgCrypt(TestAccounts.OaAesKey, TestAccounts.OaAppId);
        for (var n = 0; n < 70; n++)
        {
            var message = "中文abc" + new string('x', n);
            var encrypt = crypt.Encrypt(message);
            Assert.Equal(0, Convert.FromBase64String(encrypt).Length % 32);
            Assert.True(crypt.TryDecrypt(encrypt, out var back));
            Assert.Equal(message, back);
        }
    }

    [Fact]
    public async Task One_instance_is_safe_to_share_between_concurrent_requests()
    {
        using var crypt = new WXBizMsgCrypt(TestAccounts.OaAesKey, TestAccounts.OaAppId);
        var failures = 0;
        await Parallel.ForAsync(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            var message = $"<xml><Content>消息{i}</Content></xml>" + new string('x', i % 50);
            if (!crypt.TryDecrypt(crypt.Encrypt(message), out var back) || back != message) Interlocked.Increment(ref failures);
            return ValueTask.CompletedTask;
        });
        Assert.Equal(0, failures);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!")]
    public void Invalid_encoding_aes_keys_are_refused(string key) =>
        Assert.Throws<ArgumentException>(() => new WXBizMsgCrypt(key, "wx"));

    [Theory]
    [InlineData("QDG6eK", "1409659813", "1372623149")]
    [InlineData("zToken", "1409659813", "Abc")]
    [InlineData("a", "b", "c")]
    public void Reply_signature_over_ascii_bytes_equals_the_string_signature(string token, string timestamp, string nonce)
    {
        using var crypt = new WXBizMsgCrypt("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx5823bf96d3bd56c7");
        var buffer = new byte[crypt.MaxEncryptedLength("<xml>回复</xml>")];
        var written = crypt.EncryptToUtf8("<xml>回复</xml>", buffer);
        var encrypt = Encoding.ASCII.GetString(buffer, 0, written);

        Assert.Equal(WeChatSignature.Compute(token, timestamp, nonce, encrypt),
            WeChatSignature.Compute(token, timestamp, nonce, buffer.AsSpan(0, written)));
        Assert.True(crypt.TryDecrypt(encrypt, out var back));
        Assert.Equal("<xml>回复</xml>", back);
    }
}
