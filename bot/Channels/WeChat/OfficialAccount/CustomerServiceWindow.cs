namespace AssistBot.Bot.WeChat;

/// <summary>The customer-service window a farmer has open now, as far as the service knows.</summary>
/// <param name="Trigger">"message" (5 per 48 hours), "event" (a menu click, follow or scan: 3 within a minute), or null (closed).</param>
public sealed record CustomerServiceWindow(string? Trigger, DateTimeOffset? OpenedAt, DateTimeOffset? ClosesAt, int Sent, int Limit)
{
    public static CustomerServiceWindow Closed { get; } = new(null, null, null, 0, 0);

    public bool IsOpen => Trigger is not null;

    public bool HasQuota => IsOpen && Sent < Limit;
}
