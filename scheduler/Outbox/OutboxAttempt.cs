namespace AssistBot.Scheduler.Outbox;

/// <summary>One route tried for an entry: <see cref="Result"/> is "sent", "skipped", "failed" or "retry".</summary>
/// <param name="Reason">For skipped and failed: a <see cref="Delivery.DeliveryReasons"/> word or the platform's errcode.</param>
public sealed record OutboxAttempt(DateTimeOffset At, string Route, string Result, string? Reason = null)
{
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Retry = "retry";

    public override string ToString() => Reason is null ? $"{Route}:{Result}" : $"{Route}:{Result}({Reason})";
}
