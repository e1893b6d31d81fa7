namespace AssistBot.Bot.Storage;

/// <summary>
/// Claim-once keys with expiry: deduplication (WeChat MsgIds, idempotency keys), short locks, the outbox's
/// write-if-absent batch. The outcome recorded on a held claim is <see cref="IClaimResults"/>.
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
    /// Write-once documents, in a batch. For each write, in order: if its document does not exist and its key is not kept
    /// claimed (<see cref="KeepClaimAsync"/> within <paramref name="claimLifetime"/>), writes the document (no expiry) and
    /// adds the index member; the document's existence is the claim, so a write costs no key besides its document.
    /// Atomic per write and for the writes sharing a slot: a document is never written without its index member. One
    /// write's document and index must share a hash tag (<c>{...}</c>) so a Redis Cluster keeps them in one slot; a batch
    /// spanning several slots is split by slot. Returns, aligned with <paramref name="writes"/>, whether each write won
    /// (false: already claimed, nothing written).
    /// </summary>
    ValueTask<IReadOnlyList<bool>> ClaimAndWriteManyAsync<T>(IReadOnlyList<ClaimedWrite<T>> writes, TimeSpan claimLifetime,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the claim of a <see cref="ClaimAndWriteManyAsync{T}"/> document for at least <paramref name="claimLifetime"/>
    /// from now, even once the document expires or is deleted (e.g. a sent message kept 90 days, its idempotency key
    /// 400). Kept claims of one hash tag share a hash per half-lifetime (a field each, not a key each), which expires
    /// as a whole; pass the same <paramref name="claimLifetime"/> as to <see cref="ClaimAndWriteManyAsync{T}"/>.
    /// </summary>
    ValueTask KeepClaimAsync(string documentKey, TimeSpan claimLifetime, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims, in one atomic call, each of <see cref="FieldClaims.Fields"/> not already claimed in the shared hash
    /// <see cref="FieldClaims.Hash"/> (a field each, not a key each; the hash lives at least
    /// <see cref="FieldClaims.Lifetime"/> after its last new field). When any field is new, the new ones are written as
    /// the document <see cref="FieldClaims.BatchDocument"/> (a <c>string[]</c>, read with
    /// <see cref="IDocumentStore.ReadAsync{T}"/>) and that document's key is added to <see cref="FieldClaims.Index"/>:
    /// never a claim without its batch record. Returns how many fields were new (0: nothing written).
    /// </summary>
    ValueTask<int> ClaimFieldsAsync(FieldClaims claims, CancellationToken cancellationToken = default);
}
