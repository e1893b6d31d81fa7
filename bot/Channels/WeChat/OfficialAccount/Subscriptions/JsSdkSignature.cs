using System.Security.Cryptography;
using System.Text;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// The signature <c>wx.config</c> needs (JS-SDK 说明文档, 附录1): SHA-1, lower-case hex, of
/// <c>jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…</c> — keys in ASCII order, values raw (not URL-encoded),
/// the URL without its <c>#</c> fragment.
/// </summary>
public static class JsSdkSignature
{
    public static string Compute(string jsApiTicket, string nonceStr, long timestamp, string url)
    {
        var hash = url.IndexOf('#');
        if (hash >= 0) url = url[..hash];
        var text = string.Concat("jsapi_ticket=", jsApiTicket, "&noncestr=", nonceStr, "&timestamp=",
            timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), "&url=", url);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A nonce for one page view: 16 letters and digits.</summary>
    public static string NewNonce() =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16);
}
