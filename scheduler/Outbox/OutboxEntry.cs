namespace AssistBot.Scheduler.Outbox;

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
