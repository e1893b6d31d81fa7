namespace AssistBot.Scheduler.Outbox;

public enum OutboxStatus
{
    /// <summary>Waiting for its due time or its next attempt.</summary>
    Pending,

    /// <summary>Delivered (to the recipient, or to the fallback recipient).</summary>
    Sent,

    /// <summary>Given up: a permanent error, or retries exhausted. <see cref="OutboxEntry.LastError"/> says why.</summary>
    Failed,
}
