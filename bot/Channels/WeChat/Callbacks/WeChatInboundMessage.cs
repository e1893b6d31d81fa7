namespace AssistBot.Bot.WeChat;

/// <summary>
/// The fields of a WeChat / WeCom callback XML that AssistBot reads (a flat <c>&lt;xml&gt;</c> document).
/// The same type holds the outer envelope (ToUserName, Encrypt, AgentID) and the decrypted message.
/// </summary>
public sealed class WeChatInboundMessage
{
    public string? ToUserName { get; set; }
    public string? FromUserName { get; set; }
    public long CreateTime { get; set; }
    public string? MsgType { get; set; }
    public string? MsgId { get; set; }
    public string? Content { get; set; }
    public string? Recognition { get; set; }
    public string? MediaId { get; set; }
    public string? Event { get; set; }
    public string? EventKey { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Precision { get; set; }
    public string? LocationX { get; set; }
    public string? LocationY { get; set; }
    public string? Label { get; set; }
    public string? Encrypt { get; set; }
    public string? AgentId { get; set; }

    /// <summary>WeCom <c>template_card_event</c>: the card's task id, its type and the click's response_code (for the update API).</summary>
    public string? TaskId { get; set; }
    public string? CardType { get; set; }
    public string? ResponseCode { get; set; }

    /// <summary>The &lt;List&gt; items of a 订阅通知 event (popup, change, sent); null for everything else.</summary>
    public List<Subscriptions.SubscriptionEventItem>? SubscriptionItems { get; set; }

    public bool IsEvent => string.Equals(MsgType, WeChatMsgTypes.Event, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What identifies one delivery across WeChat's retries: the MsgId, or FromUserName + CreateTime for events
    /// (which have none), as the platform documentation recommends.
    /// </summary>
    /// <remarks>A card click is one delivery per response_code (each click brings a new one; WeChat's retries repeat it).</remarks>
    public string DedupId => !string.IsNullOrEmpty(MsgId) && MsgId != "0"
        ? MsgId
        : !string.IsNullOrEmpty(ResponseCode) ? string.Concat(FromUserName, "-card-", ResponseCode)
        : string.Concat(FromUserName, "-", CreateTime.ToString(System.Globalization.CultureInfo.InvariantCulture), "-", Event);
}
