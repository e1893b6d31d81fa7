namespace AssistBot.Scheduler.Outbox;

/// <summary>Outbox totals for the admin view.</summary>
public sealed record OutboxCounts(long Enqueued, long Pending, long Sent, long Failed, long Retries,
    IReadOnlyDictionary<string, long> SentByRoute);
