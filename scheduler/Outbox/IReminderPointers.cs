namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// The outbox's unexpanded reminders: a sweep claims pointers (<see cref="ReminderPointer"/>) exactly once per kind,
/// county, subject, due date and stage, in batches; delivery takes due batches under a lease, turns each into ordinary
/// <see cref="IOutbox"/> messages (same idempotency keys, so a batch expanded twice after a crash stores nothing twice)
/// and completes it. Implemented by the bot over its storage, next to the outbox.
/// </summary>
public interface IReminderPointers
{
    /// <summary>How many partitions (slot groups) pointers are stored in; a sweep batches per partition.</summary>
    int Partitions { get; }

    /// <summary>The partition of a pointer (stable: from its subject).</summary>
    int PartitionOf(ReminderPointer reminder);

    /// <summary>
    /// Claims the pointers (of one send day) not claimed before and records the new ones as a batch due at
    /// <paramref name="dueAt"/>; returns how many were new. Claims are remembered about 400 days, so re-sweeping, or two
    /// instances sweeping at once, claims nothing twice. Atomic per partition.
    /// </summary>
    ValueTask<int> ClaimAsync(string kind, string countyId, DateOnly sendDay, DateTimeOffset dueAt, IReadOnlyList<ReminderPointer> pointers,
        CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxBatches"/> batches due at or before <paramref name="now"/>, each leased to the caller.</summary>
    ValueTask<IReadOnlyList<PointerBatch>> TakeDueAsync(DateTimeOffset now, int maxBatches, TimeSpan lease,
        CancellationToken cancellationToken = default);

    /// <summary>The batch is expanded (its messages queued, or found not to be sent): it is not handed out again.</summary>
    ValueTask CompleteAsync(PointerBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pointers claimed and not yet expanded (the admin view's and the console's 待发（未展开）), of one county or (null) all.
    /// </summary>
    ValueTask<long> UnexpandedAsync(string? countyId = null, CancellationToken cancellationToken = default);
}
