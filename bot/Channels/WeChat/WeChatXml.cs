using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// Reads callback XML safely (no DTD, no external entities, bounded size) and writes reply XML with CDATA.
/// </summary>
public static class WeChatXml
{
    /// <summary>The largest request body the callbacks accept.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBodyBytes * 2,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Parses a callback body; false when it is not well-formed XML with an &lt;xml&gt; root.</summary>
    public static bool TryParse(byte[] buffer, int length, out WeChatInboundMessage message) =>
        TryParse(buffer, 0, length, out message);

    public static bool TryParse(byte[] buffer, int offset, int length, out WeChatInboundMessage message)
    {
        using var stream = new MemoryStream(buffer, offset, length, writable: false);
        return TryParse(XmlReader.Create(stream, ReaderSettings), out message);
    }

    public static bool TryParse(string xml, out WeChatInboundMessage message)
    {
        using var reader = new StringReader(xml);
        return TryParse(XmlReader.Create(reader, ReaderSettings), out message);
    }

    private static bool TryParse(XmlReader reader, out WeChatInboundMessage message)
    {
        message = new WeChatInboundMessage();
        try
        {
            using (reader)
            {
                if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "xml") return false;
                if (reader.IsEmptyElement) return true;
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }
                    if (!Assign(message, reader)) reader.Skip();
                }
                // Reading to the end catches trailing garbage (a second root, an unclosed element).
                while (reader.Read()) { }
            }
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool Assign(WeChatInboundMessage m, XmlReader reader)
    {
        switch (reader.LocalName)
        {
            case "ToUserName": m.ToUserName = reader.ReadElementContentAsString(); return true;
            case "FromUserName": m.FromUserName = reader.ReadElementContentAsString(); return true;
            case "CreateTime":
                var created = reader.ReadElementContentAsString();
                m.CreateTime = long.TryParse(created, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0;
                return true;
            case "MsgType": m.MsgType = reader.ReadElementContentAsString(); return true;
            case "MsgId": m.MsgId = reader.ReadElementContentAsString(); return true;
            case "Content": m.Content = reader.ReadElementContentAsString(); return true;
            case "Recognition": m.Recognition = reader.ReadElementContentAsString(); return true;
            case "MediaId": m.MediaId = reader.ReadElementContentAsString(); return true;
            case "Event": m.Event = reader.ReadElementContentAsString(); return true;
            case "EventKey": m.EventKey = reader.ReadElementContentAsString(); return true;
            case "Latitude": m.Latitude = reader.ReadElementContentAsString(); return true;
            case "Longitude": m.Longitude = reader.ReadElementContentAsString(); return true;
            case "Precision": m.Precision = reader.ReadElementContentAsString(); return true;
            case "Location_X": m.LocationX = reader.ReadElementContentAsString(); return true;
            case "Location_Y": m.LocationY = reader.ReadElementContentAsString(); return true;
            case "Label": m.Label = reader.ReadElementContentAsString(); return true;
            case "Encrypt": m.Encrypt = reader.ReadElementContentAsString(); return true;
            case "AgentID": m.AgentId = reader.ReadElementContentAsString(); return true;
            default: return false;
        }
    }

    /// <summary>A passive text reply: To = the user, From = the account (gh_ id or CorpID).</summary>
    public static string TextReply(string toUser, string fromAccount, long createTime, string content)
    {
        var sb = new StringBuilder(160 + content.Length);
        sb.Append("<xml><ToUserName>");
        AppendCData(sb, toUser);
        sb.Append("</ToUserName><FromUserName>");
        AppendCData(sb, fromAccount);
        sb.Append("</FromUserName><CreateTime>").Append(createTime.ToString(CultureInfo.InvariantCulture));
        sb.Append("</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>");
        AppendCData(sb, content);
        sb.Append("</Content></xml>");
        return sb.ToString();
    }

    /// <summary>The safe-mode / WeCom envelope around an encrypted reply.</summary>
    public static string EncryptedReply(string encrypt, string msgSignature, string timestamp, string nonce)
    {
        var sb = new StringBuilder(160 + encrypt.Length);
        sb.Append("<xml><Encrypt>");
        AppendCData(sb, encrypt);
        sb.Append("</Encrypt><MsgSignature>");
        AppendCData(sb, msgSignature);
        sb.Append("</MsgSignature><TimeStamp>").Append(timestamp).Append("</TimeStamp><Nonce>");
        AppendCData(sb, nonce);
        sb.Append("</Nonce></xml>");
        return sb.ToString();
    }

    /// <summary>
    /// The same envelope as <see cref="EncryptedReply"/>, encrypted, signed and written straight to UTF-8 (safe mode's
    /// hot path: no Base64 string and no envelope string in between). Base64 and the digits need no CDATA splitting.
    /// </summary>
    public static byte[] EncryptedReplyUtf8(WXBizMsgCrypt cipher, string replyXml, string token, string timestamp, string nonce)
    {
        var rented = ArrayPool<byte>.Shared.Rent(cipher.MaxEncryptedLength(replyXml));
        try
        {
            var encrypt = rented.AsSpan(0, cipher.EncryptToUtf8(replyXml, rented));
            var signature = WeChatSignature.Compute(token, timestamp, nonce, encrypt);
            ReadOnlySpan<byte> open = "<xml><Encrypt><![CDATA["u8, afterEncrypt = "]]></Encrypt><MsgSignature><![CDATA["u8,
                afterSignature = "]]></MsgSignature><TimeStamp>"u8, afterTimestamp = "</TimeStamp><Nonce><![CDATA["u8,
                close = "]]></Nonce></xml>"u8;
            var length = open.Length + encrypt.Length + afterEncrypt.Length + signature.Length + afterSignature.Length
                + timestamp.Length + afterTimestamp.Length + nonce.Length + close.Length;
            var result = new byte[length];
            var at = 0;
            void Put(ReadOnlySpan<byte> part)
            {
                part.CopyTo(result.AsSpan(at));
                at += part.Length;
            }
            void PutAscii(string part) => at += Encoding.ASCII.GetBytes(part, result.AsSpan(at));
            Put(open);
            Put(encrypt);
            Put(afterEncrypt);
            PutAscii(signature);
            Put(afterSignature);
            PutAscii(timestamp);
            Put(afterTimestamp);
            PutAscii(nonce);
            Put(close);
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>CDATA cannot contain "]]>"; such text is split across two sections.</summary>
    private static void AppendCData(StringBuilder sb, string text)
    {
        sb.Append("<![CDATA[");
        var start = 0;
        int index;
        while ((index = text.IndexOf("]]>", start, StringComparison.Ordinal)) >= 0)
        {
            sb.Append(text, start, index + 2 - start).Append("]]><![CDATA[");
            start = index + 2;
        }
        sb.Append(text, start, text.Length - start).Append("]]>");
    }
}
