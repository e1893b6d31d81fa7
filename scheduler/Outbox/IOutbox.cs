namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// Durable queue of proactive messages with exactly-once enqueueing (by idempotency key) and leased hand-out to
/// delivery workers, so several service instances may share it. Implemented by the bot over its storage.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Stores the message unless its <see cref="OutboxMessage.IdempotencyKey"/> was claimed before (then false).
    /// The claim outlives delivery (at least about 400 days), so re-running a producer never sends twice.
    /// </summary>
    ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="EnqueueAsync"/> for a batch (a sweep's messages): returns how many were newly stored. Implementations
    /// store the batch in one round trip; this default enqueues one by one.
    /// </summary>
    async ValueTask<int> EnqueueManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        var stored = 0;
        foreach (var message in messages)
            if (await EnqueueAsync(message, cancellationToken).ConfigureAwait(false)) stored++;
        return stored;
    }

    /// <summary>
    /// How many partitions the outbox stores messages in (slot groups of a Redis Cluster; 1 elsewhere). A sweep batches
    /// its messages per partition, so each batch is one atomic call to one node, and stores partitions concurrently.
    /// </summary>
    int Partitions => 1;

    /// <summary>The partition (0 ≤ p &lt; <see cref="Partitions"/>) a message is stored in.</summary>
    int PartitionOf(OutboxMessage message) => 0;

    /// <summary>
    /// Up to <paramref name="max"/> pending entries whose next attempt is at or before <paramref name="now"/>, each
    /// leased to the caller for <paramref name="lease"/> so no other worker takes it meanwhile.
    /// </summary>
    ValueTask<IReadOnlyList<OutboxEntry>> TakeDueAsync(DateTimeOffset now, int max, TimeSpan lease,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a delivery; <paramref name="via"/> names the route (e.g. "wechat:template"); <paramref name="trail"/>
    /// (appended to <see cref="OutboxEntry.Trail"/>) the routes tried this time.
    /// </summary>
    ValueTask MarkSentAsync(string id, string via, IReadOnlyList<OutboxAttempt>? trail = null, CancellationToken cancellationToken = default);

    /// <summary>Records a permanent failure with its reason; the entry is not tried again.</summary>
    ValueTask MarkFailedAsync(string id, string reason, IReadOnlyList<OutboxAttempt>? trail = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Schedules another attempt at <paramref name="at"/> after a transient failure (or, with
    /// <paramref name="countsAsAttempt"/> false, when the recipient's limit deferred it).
    /// </summary>
    ValueTask RetryAtAsync(string id, DateTimeOffset at, string reason, IReadOnlyList<OutboxAttempt>? trail = null,
        bool countsAsAttempt = true, CancellationToken cancellationToken = default);

    /// <summary>One entry by id, or null.</summary>
    ValueTask<OutboxEntry?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Totals for the admin view.</summary>
    ValueTask<OutboxCounts> CountsAsync(CancellationToken cancellationToken = default);

    /// <summary>Entries in a state, oldest first (pending by next attempt, others by completion), for the admin view.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus status, int skip = 0, int take = 50,
        CancellationToken cancellationToken = default);
}
