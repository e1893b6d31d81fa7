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

/// <summary>A message in the outbox and what has happened to it so far.</summary>
public sealed record OutboxEntry
{
    /// <summary>Storage id derived from the idempotency key.</summary>
    public required string Id { get; init; }

    public required OutboxMessage Message { get; init; }

    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the worker may try next (the due time at first, later the retry time).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>How it went out, e.g. "wechat:custom", "wechat:template", "wecom:fallback".</summary>
    public string? DeliveredVia { get; init; }

    /// <summary>
    /// Every route tried, in order, over all attempts: sent, skipped (and why) or failed (and the error). The console
    /// reads the last farmer-side reason to list "farmers no reminder reached".
    /// </summary>
    public IReadOnlyList<OutboxAttempt> Trail { get; init; } = [];
}

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

/// <summary>Outbox totals for the admin view.</summary>
public sealed record OutboxCounts(long Enqueued, long Pending, long Sent, long Failed, long Retries,
    IReadOnlyDictionary<string, long> SentByRoute);
