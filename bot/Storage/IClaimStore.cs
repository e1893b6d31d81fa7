namespace AssistBot.Bot.Storage;

/// <summary>
/// Claim-once keys with expiry: deduplication (WeChat MsgIds, idempotency keys), short locks, and the outcome recorded on
/// a claim so a retry answers the same.
/// </summary>
public interface IClaimStore
{
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
