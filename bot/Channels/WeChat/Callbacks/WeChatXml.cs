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
        // What WeChat sends is flat; the full reader is for everything else (and rejects what must be rejected).
        var elements = new List<(string Name, string Value)>(8);
        if (FlatXml.TryRead(buffer.AsSpan(offset, length), elements))
        {
            message = new WeChatInboundMessage();
            foreach (var (name, value) in elements) Assign(message, name, value);
            return true;
        }
        return TryParseFull(buffer, offset, length, out message);
    }

    /// <summary>The full XmlReader path alone (the fallback; tests compare the fast path with it).</summary>
    internal static bool TryParseFull(byte[] buffer, int offset, int length, out WeChatInboundMessage message)
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
                    if (IsKnown(reader.LocalName)) Assign(message, reader.LocalName, reader.ReadElementContentAsString());
                    else if (Subscriptions.SubscriptionEventXml.IsContainer(reader.LocalName)) Subscriptions.SubscriptionEventXml.Read(reader, message);
                    else reader.Skip();
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

    private static readonly HashSet<string> KnownElements = new(StringComparer.Ordinal)
    {
        "ToUserName", "FromUserName", "CreateTime", "MsgType", "MsgId", "Content", "Recognition", "MediaId", "Event",
        "EventKey", "Latitude", "Longitude", "Precision", "Location_X", "Location_Y", "Label", "Encrypt", "AgentID",
        "TaskId", "CardType", "ResponseCode",
    };

    private static bool IsKnown(string name) => KnownElements.Contains(name);

    /// <summary>Sets the field an element names; unknown elements are ignored.</summary>
    private static void Assign(WeChatInboundMessage m, string name, string value)
    {
        switch (name)
        {
            case "ToUserName": m.ToUserName = value; break;
            case "FromUserName": m.FromUserName = value; break;
            case "CreateTime":
                m.CreateTime = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0;
                break;
            case "MsgType": m.MsgType = value; break;
            case "MsgId": m.MsgId = value; break;
            case "Content": m.Content = value; break;
            case "Recognition": m.Recognition = value; break;
            case "MediaId": m.MediaId = value; break;
            case "Event": m.Event = value; break;
            case "EventKey": m.EventKey = value; break;
            case "Latitude": m.Latitude = value; break;
            case "Longitude": m.Longitude = value; break;
            case "Precision": m.Precision = value; break;
            case "Location_X": m.LocationX = value; break;
            case "Location_Y": m.LocationY = value; break;
            case "Label": m.Label = value; break;
            case "Encrypt": m.Encrypt = value; break;
            case "AgentID": m.AgentId = value; break;
            case "TaskId": m.TaskId = value; break;
            case "CardType": m.CardType = value; break;
            case "ResponseCode": m.ResponseCode = value; break;
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

    /// <summary>
    /// The safe-mode / WeCom envelope around an encrypted reply, encrypted, signed and written straight to UTF-8 (no
    /// Base64 string and no envelope string in between). Base64 and the digits need no CDATA splitting.
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
