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

    /// <summary>The score of one member, or null when absent.</summary>
    ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default);

    /// <summary>Round trip to the backing store, for health checks. Throws when it is unreachable.</summary>
    ValueTask PingAsync(CancellationToken cancellationToken = default);

    /// <summary>A short name for logs and /healthz (e.g. "redis 127.0.0.1:6379", "embedded data/assistbot.db").</summary>
    string Description { get; }
}
