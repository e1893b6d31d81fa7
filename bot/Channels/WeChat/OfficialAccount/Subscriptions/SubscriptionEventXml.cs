using System.Xml;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// The nested part of the 订阅通知 events, read by <see cref="WeChatXml"/>'s locked-down reader:
/// <c>&lt;SubscribeMsgPopupEvent&gt;&lt;List&gt;&lt;TemplateId/&gt;&lt;SubscribeStatusString&gt;accept|reject&lt;/…&gt;&lt;PopupScene/&gt;&lt;/List&gt;…</c>,
/// <c>SubscribeMsgChangeEvent</c> (the same, from WeChat's settings) and <c>SubscribeMsgSentEvent</c>
/// (<c>TemplateId, MsgID, ErrorCode, ErrorStatus</c>).
/// </summary>
public static class SubscriptionEventXml
{
    public const string PopupEvent = "subscribe_msg_popup_event";
    public const string ChangeEvent = "subscribe_msg_change_event";
    public const string SentEvent = "subscribe_msg_sent_event";

    private const int MaxItems = 64;

    public static bool IsContainer(string elementName) =>
        elementName is "SubscribeMsgPopupEvent" or "SubscribeMsgChangeEvent" or "SubscribeMsgSentEvent";

    /// <summary>Reads the container element the reader is on (and moves past it), adding its items to the message.</summary>
    public static void Read(XmlReader reader, WeChatInboundMessage message)
    {
        var items = message.SubscriptionItems ??= [];
        using var container = reader.ReadSubtree();
        container.Read();
        while (container.Read())
        {
            if (container.NodeType != XmlNodeType.Element || container.LocalName != "List") continue;
            string? templateId = null, status = null, scene = null, msgId = null, errorCode = null, errorStatus = null;
            using (var list = container.ReadSubtree())
            {
                list.Read();
                list.Read();
                // ReadElementContentAsString moves to the next node itself: only other nodes need a Read().
                while (!list.EOF)
                {
                    if (list.NodeType != XmlNodeType.Element || list.Depth != 1)
                    {
                        list.Read();
                        continue;
                    }
                    switch (list.LocalName)
                    {
                        case "TemplateId": templateId = list.ReadElementContentAsString(); break;
                        case "SubscribeStatusString": status = list.ReadElementContentAsString(); break;
                        case "PopupScene": scene = list.ReadElementContentAsString(); break;
                        case "MsgID": msgId = list.ReadElementContentAsString(); break;
                        case "ErrorCode": errorCode = list.ReadElementContentAsString(); break;
                        case "ErrorStatus": errorStatus = list.ReadElementContentAsString(); break;
                        default: list.Skip(); break;
                    }
                }
            }
            if (!string.IsNullOrWhiteSpace(templateId) && items.Count < MaxItems)
                items.Add(new SubscriptionEventItem(templateId.Trim(), status?.Trim(), scene?.Trim(), msgId?.Trim(), errorCode?.Trim(), errorStatus?.Trim()));
        }
        reader.Read(); // past the container's end tag
    }
}
