namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// Outbox totals for the admin view. <see cref="Unexpanded"/>: reminders a sweep claimed that delivery has not turned
/// into messages yet (待发（未展开）; not counted in <see cref="Enqueued"/> or <see cref="Pending"/> until it has).
/// </summary>
public sealed record OutboxCounts(long Enqueued, long Pending, long Sent, long Failed, long Retries,
    IReadOnlyDictionary<string, long> SentByRoute, long Unexpanded = 0);
