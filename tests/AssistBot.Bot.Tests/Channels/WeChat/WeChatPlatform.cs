using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using AssistBot.Bot.WeChat;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>Plays the WeChat / WeCom platform in C# tests: builds signed (and encrypted) callbacks, reads replies.</summary>
public sealed class WeChatPlatform(HttpClient http)
{
    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string NewOpenId() => "o" + Guid.NewGuid().ToString("N")[..27];

    public static string NewNonce() => Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);

    public static string NewMsgId() => Random.Shared.NextInt64(1_000_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);

    public static string TextXml(string from, string content, string? msgId = null, string to = TestAccounts.OaOriginalId) =>
        $"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId ?? NewMsgId()}</MsgId></xml>";

    public static string EventXml(string from, string eventName, string? eventKey = null, long? createTime = null,
        string to = TestAccounts.OaOriginalId) =>
        $"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{createTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType>" +
        $"<Event><![CDATA[{eventName}]]></Event>" + (eventKey is null ? "" : $"<EventKey><![CDATA[{eventKey}]]></EventKey>") + "</xml>";

    /// <summary>Plain mode: URL signature over (token, timestamp, nonce).</summary>
    public Task<HttpResponseMessage> PostOaPlainAsync(string xml, string county = TestAccounts.County,
        string? timestamp = null, string? signature = null, string token = TestAccounts.OaToken, string? nonce = null)
    {
        var ts = timestamp ?? Now();
        // As WeChat does, a fresh nonce per delivery (a signed timestamp/nonce pair carries one message only).
        nonce ??= NewNonce();
        var sig = signature ?? WeChatSignature.Compute(token, ts, nonce);
        return PostAsync($"/wechat/{county}?signature={sig}&timestamp={ts}&nonce={nonce}&openid=x", xml);
    }

    /// <summary>Safe mode: the body carries only Encrypt; msg_signature covers it.</summary>
    public Task<HttpResponseMessage> PostOaSafeAsync(string xml, string? timestamp = null, string? msgSignature = null)
    {
        using var crypt = new WXBizMsgCrypt(TestAccounts.OaAesKey, TestAccounts.OaAppId);
        var ts = timestamp ?? Now();
        const string nonce = "415670741";
        var encrypt = crypt.Encrypt(xml);
        var sig = WeChatSignature.Compute(TestAccounts.OaToken, ts, nonce);
        var msgSig = msgSignature ?? WeChatSignature.Compute(TestAccounts.OaToken, ts, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{TestAccounts.OaOriginalId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return PostAsync($"/wechat/{TestAccounts.County}?signature={sig}&timestamp={ts}&nonce={nonce}&openid=x" +
            $"&encrypt_type=aes&msg_signature={msgSig}", body);
    }

    /// <summary>WeCom: always encrypted, envelope with AgentID.</summary>
    public Task<HttpResponseMessage> PostWeComAsync(string xml, string agentId = TestAccounts.AgentId, string? timestamp = null)
    {
        using var crypt = new WXBizMsgCrypt(TestAccounts.WeComAesKey, TestAccounts.CorpId);
        var ts = timestamp ?? Now();
        const string nonce = "1372623149";
        var encrypt = crypt.Encrypt(xml);
        var msgSig = WeChatSignature.Compute(TestAccounts.WeComToken, ts, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>" +
            $"<AgentID><![CDATA[{agentId}]]></AgentID></xml>";
        return PostAsync($"/wecom/{TestAccounts.County}?msg_signature={msgSig}&timestamp={ts}&nonce={nonce}", body);
    }

    public Task<HttpResponseMessage> PostAsync(string url, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        return http.PostAsync(url, content);
    }

    /// <summary>The Content of a plain passive text reply.</summary>
    public static string PassiveText(string responseBody) =>
        XDocument.Parse(responseBody).Root!.Element("Content")!.Value;

    /// <summary>Verifies an encrypted reply's signature, decrypts it and returns the inner XML.</summary>
    public static XElement DecryptReply(string responseBody, string token, string aesKey, string receiveId)
    {
        var root = XDocument.Parse(responseBody).Root!;
        var encrypt = root.Element("Encrypt")!.Value;
        var signature = root.Element("MsgSignature")!.Value;
        var timestamp = root.Element("TimeStamp")!.Value;
        var nonce = root.Element("Nonce")!.Value;
        Assert.Equal(WeChatSignature.Compute(token, timestamp, nonce, encrypt), signature);
        using var crypt = new WXBizMsgCrypt(aesKey, receiveId);
        Assert.True(crypt.TryDecrypt(encrypt, out var xml));
        return XDocument.Parse(xml).Root!;
    }
}
