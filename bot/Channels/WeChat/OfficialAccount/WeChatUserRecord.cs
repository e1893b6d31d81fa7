namespace AssistBot.Bot.WeChat;

/// <summary>What the channel knows about an Official Account follower.</summary>
public sealed record WeChatUserRecord
{
    /// <summary>False after unsubscribe: nothing can reach the user (customer-service and template sends fail).</summary>
    public bool Subscribed { get; init; } = true;
    public DateTimeOffset? SubscribedAt { get; init; }
    public DateTimeOffset? UnsubscribedAt { get; init; }

    /// <summary>The last message the user sent; the 48-hour customer-service window runs from here.</summary>
    public DateTimeOffset? LastInboundAt { get; init; }
}
