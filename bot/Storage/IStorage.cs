namespace AssistBot.Bot.Storage;

/// <summary>
/// Durable key/value storage shaped like Bot Builder's <c>IStorage</c>: JSON documents with ETag optimistic
/// concurrency, plus the primitives deduplication and reminders need (claim-once, counters, a scored index).
/// Keys are plain strings such as <c>wechat/users/o6_bm...</c>; implementations add their own namespace.
/// </summary>
public interface IStorage
{
    /// <summary>Reads a document, or null when the key is absent (or expired).</summary>
    ValueTask<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a document under the given condition and returns its new ETag.
    /// Throws <see cref="StorageConflictException"/> when the condition does not hold.
    /// </summary>
    ValueTask<string> WriteAsync<T>(string key, T value, WriteCondition condition, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a document; returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="timeToLive"/> if nobody holds it (set-if-absent with expiry).
    /// Exactly one of several concurrent claimers gets true.
    /// </summary>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="TryClaimAsync"/> that first checks a guard: <paramref name="guard"/>'s key must be free or hold the
    /// guard's value. When it holds another value nothing changes and the result is
    /// <see cref="ClaimOutcome.GuardMismatch"/>; otherwise the guard key is set (if it was free, for the guard's own time
    /// to live) and the claim is tried. The guard's key and <paramref name="key"/> must share a hash tag (<c>{...}</c>).
    /// Atomic, and one round trip: the WeChat channel remembers which message a signed
    /// (timestamp, nonce) pair carried on the same call that claims the message's MsgId.
    /// </summary>
    ValueTask<ClaimOutcome> TryClaimGuardedAsync(string key, TimeSpan timeToLive, ClaimGuard guard,
        CancellationToken cancellationToken = default);

    /// <summary>Releases a claim early (e.g. when the work it guarded failed and may be retried).</summary>
    ValueTask ReleaseClaimAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the outcome of the work a claim guarded (e.g. the reply to a WeChat delivery) on the claim itself,
    /// keeping its expiry, so a retry that finds the key claimed can answer the same. Returns false when the claim is
    /// no longer held (expired or released).
    /// </summary>
    ValueTask<bool> SetClaimResultAsync(string key, string result, CancellationToken cancellationToken = default);

    /// <summary>The result recorded on a held claim; null while there is none yet, or when the key is not claimed.</summary>
    ValueTask<string?> ReadClaimResultAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Atomically adds <paramref name="by"/> to a counter (created at 0) and returns the new value.</summary>
    ValueTask<long> IncrementAsync(string key, long by = 1, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);

    /// <summary>Adds or re-scores a member of a scored index.</summary>
    ValueTask IndexAddAsync(string index, string member, double score, CancellationToken cancellationToken = default);

    /// <summary>Removes a member; returns false when it was not there.</summary>
    ValueTask<bool> IndexRemoveAsync(string index, string member, CancellationToken cancellationToken = default);

    /// <summary>
    /// Members with <paramref name="minScore"/> ≤ score ≤ <paramref name="maxScore"/>, ordered by score then member
    /// (ordinal), skipping <paramref name="skip"/> and returning at most <paramref name="take"/>.
    /// </summary>
    ValueTask<IReadOnlyList<IndexEntry>> IndexRangeByScoreAsync(string index, double minScore, double maxScore,
        int skip = 0, int take = 100, CancellationToken cancellationToken = default);

    /// <summary>Removes the members with <paramref name="minScore"/> ≤ score ≤ <paramref name="maxScore"/>; returns how many.</summary>
    ValueTask<long> IndexRemoveRangeByScoreAsync(string index, double minScore, double maxScore,
        CancellationToken cancellationToken = default);

    /// <summary>The score of one member, or null when absent.</summary>
    ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default);

    /// <summary>Round trip to the backing store, for health checks. Throws when it is unreachable.</summary>
    ValueTask PingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// How many slot groups a caller should spread a large keyspace over (a hash tag per group, so the groups land on
    /// different nodes of a Redis Cluster): 1 where one node holds everything, and then keys keep their plain names.
    /// </summary>
    int SlotGroups => 1;

    /// <summary>A short name for logs and /healthz (e.g. "redis 127.0.0.1:6379", "embedded data/assistbot.db").</summary>
    string Description { get; }

    // ---- batches: one round trip (Redis) or one transaction (embedded) for many items, for sweeps and bulk loads ----

    /// <summary>Reads many documents; the result is aligned with <paramref name="keys"/> (null where a key is absent).</summary>
    ValueTask<IReadOnlyList<StoreItem<T>?>> ReadManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    /// <summary>Writes many documents unconditionally (last writer wins), all with the same time to live.</summary>
    ValueTask WriteManyAsync<T>(IReadOnlyList<KeyValuePair<string, T>> documents, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);

    /// <summary>Adds or re-scores many members of one scored index.</summary>
    ValueTask IndexAddManyAsync(string index, IReadOnlyList<IndexEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keyset paging: up to <paramref name="take"/> members with <paramref name="minScore"/> ≤ score ≤
    /// <paramref name="maxScore"/> that come strictly after <paramref name="after"/> (null: from the start) in the
    /// order of <see cref="IndexRangeByScoreAsync"/>. Unlike skip/take, the cost of a page does not grow with its position.
    /// </summary>
    ValueTask<IReadOnlyList<IndexEntry>> IndexRangeAfterAsync(string index, double minScore, double maxScore, IndexEntry? after,
        int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="IndexRangeByScoreAsync"/> (first <paramref name="take"/> members) for many indexes at once; the result is
    /// aligned with <paramref name="indexes"/>.
    /// </summary>
    ValueTask<IReadOnlyList<IReadOnlyList<IndexEntry>>> IndexRangeManyAsync(IReadOnlyList<string> indexes, double minScore,
        double maxScore, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each write, in order: claims <see cref="ClaimedWrite{T}.ClaimKey"/> for <paramref name="claimLifetime"/> and, only
    /// if that claim was free, writes the document (no expiry) and adds the index member. Atomic per write and for the
    /// writes sharing a slot group: a claim never exists without its document and index member. One write's claim,
    /// document and index must share a hash tag (<c>{...}</c>) so a Redis Cluster keeps them in one slot; a batch
    /// spanning several slots is split by slot. Returns, aligned with <paramref name="writes"/>, whether each claim was
    /// won (false: already claimed, nothing written).
    /// </summary>
    ValueTask<IReadOnlyList<bool>> ClaimAndWriteManyAsync<T>(IReadOnlyList<ClaimedWrite<T>> writes, TimeSpan claimLifetime,
        CancellationToken cancellationToken = default);
}
