using System.Xml;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>One &lt;List&gt; item of a 订阅通知 event (popup, change or sent).</summary>
public sealed record SubscriptionEventItem(string TemplateId, string? Status, string? PopupScene, string? MsgId,
    string? ErrorCode, string? ErrorStatus);
