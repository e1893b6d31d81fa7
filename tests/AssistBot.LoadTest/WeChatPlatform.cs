using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AssistBot.LoadTest;

/// <summary>
/// What the WeChat platform does when it delivers a message: signs the URL, and in safe mode encrypts the body
/// (WXBizMsgCrypt: AES-256-CBC, IV = key[0..16], PKCS#7 to 32-byte blocks). Written here independently of the bot.
/// </summary>
public sealed class WeChatPlatform(string token, string encodingAesKey, string appId)
{
    private readonly byte[] _key = Convert.FromBase64String(encodingAesKey + "=");

    // One cipher per load worker thread: creating an Aes per message cost the load tool CPU that the server under
    // test (on the same 2 cores) then lacked, which understated safe mode.
    private readonly ThreadLocal<Aes> _aes = new(() =>
    {
        var aes = Aes.Create();
        aes.Key = Convert.FromBase64String(encodingAesKey + "=");
        return aes;
    });

    public string Token { get; } = token;
    public string AppId { get; } = appId;

    public static string Sign(params string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public static string TextMessageXml(string toUser, string openId, long createTime, string content, long msgId) =>
        $"<xml><ToUserName><![CDATA[{toUser}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId></xml>";

    public string Encrypt(string message)
    {
        var msg = Encoding.UTF8.GetBytes(message);
        var receiveId = Encoding.UTF8.GetBytes(AppId);
        var length = 16 + 4 + msg.Length + receiveId.Length;
        var pad = 32 - length % 32;
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        receiveId.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);
        return Convert.ToBase64String(_aes.Value!.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    public string Decrypt(string encrypted)
    {
        var plain = _aes.Value!.DecryptCbc(Convert.FromBase64String(encrypted), _key.AsSpan(0, 16), PaddingMode.None);
        var length = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16, 4));
        return Encoding.UTF8.GetString(plain, 20, length);
    }
}
