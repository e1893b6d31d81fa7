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
}

/// <summary>Outbox totals for the admin view.</summary>
public sealed record OutboxCounts(long Enqueued, long Pending, long Sent, long Failed, long Retries,
    IReadOnlyDictionary<string, long> SentByRoute);
