using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.WeChat.Subscriptions;

public sealed record SubscriptionSendOutcome(SubscriptionSendStatus Status, WeChatSendResult? Result = null)
{
    public bool IsSent => Status == SubscriptionSendStatus.Sent;
}
