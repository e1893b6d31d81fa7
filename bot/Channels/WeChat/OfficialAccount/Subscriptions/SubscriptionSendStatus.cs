using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.WeChat.Subscriptions;

public enum SubscriptionSendStatus
{
    Sent,

    /// <summary>The county has no 订阅通知 template for this kind (or no AppId/AppSecret).</summary>
    NotConfigured,

    /// <summary>The farmer has not consented, revoked, used a one-time consent up, or said "退订".</summary>
    NoConsent,

    /// <summary>43101: WeChat says the consent is used up or refused; recorded, so it is not tried again.</summary>
    Refused,

    /// <summary>Any other failure (<see cref="SubscriptionSendOutcome.Result"/>); a transient one gives the send back.</summary>
    Failed,
}
