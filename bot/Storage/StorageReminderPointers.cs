using System.Globalization;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Storage;

/// <summary>
/// <see cref="IReminderPointers"/> over the storage roles, in the outbox's keyspace and slot groups. A pointer is a field
/// (<c>subject:dueDay:stage</c>) of a claim hash per kind, county, send day and slot group, claimed with
/// <see cref="IClaimStore.ClaimFieldsAsync"/>: about 80 bytes a reminder instead of a message document and an index
/// member. The fields a claim call won are its batch: a document (the fields) and a member of the group's due index
/// (score: send time), written in the same atomic call. Delivery takes due batches under a lease, expands them and
/// completes them (batch document and index member removed); the claim hash stays, so a re-sweep claims nothing again,
/// for <see cref="StorageOutbox.ClaimLifetime"/> after its last new field.
/// </summary>
/// <remarks>
/// Keys (tag <c>{outbox:g}</c> on a cluster, none on a standalone Redis or the embedded store):
/// <c>outbox/pointers/{tag}kind:county:yyyyMMdd</c> (claims), <c>outbox/pointer-batches/{tag}kind:county:yyyyMMdd:id</c>
/// (a batch), <c>outbox:pointers-due{tag}</c> (due batches), <c>outbox/lease/…</c> (a batch being expanded), and the
/// counters <c>outbox/counts/pointers</c> and <c>…/pointers-expanded</c> (and each per county, <c>…/pointers/xinfeng</c>)
/// for the admin view and the console.
/// </remarks>
public sealed class StorageReminderPointers(IDocumentStore documents, IClaimStore claims, IScoredIndex scoredIndex, ICounterStore counters,
    string keyspace = "outbox") : IReminderPointers
{
    private int _groups;
    private int _nextGroup;

    private int Groups => _groups != 0 ? _groups : _groups = Math.Max(1, scoredIndex.SlotGroups);

    public int Partitions => Groups;

    public int PartitionOf(ReminderPointer reminder) => OutboxSlotGroups.GroupOf(reminder.Subject, Groups);

    private string Tag(int group) => OutboxSlotGroups.Tag(keyspace, group, Groups);
    private string DueIndex(int group) => keyspace + ":pointers-due" + Tag(group);
    private string BatchPrefix(int group) => keyspace + "/pointer-batches/" + Tag(group);
    private string LeaseKey(string batch) => keyspace + "/lease/" + batch;
    private string CounterKey(string name) => keyspace + "/counts/" + name;

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A pointer as a field of its claim hash (kind, county and send day are the hash's).</summary>
    internal static string Field(ReminderPointer reminder) =>
        reminder.Subject + ":" + reminder.DueDate.DayNumber.ToString(CultureInfo.InvariantCulture) + ":" + reminder.Stage;

    public async ValueTask<int> ClaimAsync(string kind, string countyId, DateOnly sendDay, DateTimeOffset dueAt,
        IReadOnlyList<ReminderPointer> pointers, CancellationToken cancellationToken = default)
    {
        if (pointers.Count == 0) return 0;
        var name = kind + ":" + countyId + ":" + Day(sendDay);
        var calls = new List<Task<int>>();
        foreach (var part in pointers.GroupBy(PartitionOf))
        {
            var fields = part.Select(Field).ToList();
            var claim = new FieldClaims(keyspace + "/pointers/" + Tag(part.Key) + name, fields, StorageOutbox.ClaimLifetime,
                BatchPrefix(part.Key) + name + ":" + Guid.NewGuid().ToString("N"), DueIndex(part.Key), StorageOutbox.Score(dueAt));
            calls.Add(claims.ClaimFieldsAsync(claim, cancellationToken).AsTask());
        }
        var claimed = (await Task.WhenAll(calls).ConfigureAwait(false)).Sum();
        // The counter is for the admin view only; were this call lost, the pointers above are claimed all the same.
        if (claimed > 0) await CountAsync("pointers", countyId, claimed, cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    public async ValueTask<IReadOnlyList<PointerBatch>> TakeDueAsync(DateTimeOffset now, int maxBatches, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        var taken = new List<PointerBatch>(maxBatches);
        // Each call starts at the next group, so a backlog in one group does not hold back the others.
        var first = (int)((uint)Interlocked.Increment(ref _nextGroup) % (uint)Groups);
        for (var g = 0; g < Groups && taken.Count < maxBatches; g++)
        {
            var group = (first + g) % Groups;
            var page = await scoredIndex.IndexRangeByScoreAsync(DueIndex(group), double.NegativeInfinity, StorageOutbox.Score(now), 0,
                maxBatches * 4, cancellationToken).ConfigureAwait(false);
            foreach (var member in page)
            {
                if (taken.Count >= maxBatches) break;
                if (!await claims.TryClaimAsync(LeaseKey(member.Member), lease, cancellationToken).ConfigureAwait(false)) continue;
                var fields = (await documents.ReadAsync<string[]>(member.Member, cancellationToken).ConfigureAwait(false))?.Value;
                if (fields is null || Parse(group, member.Member, fields) is not { } batch)
                {
                    // Completed meanwhile (or unreadable): drop the stale index member.
                    await scoredIndex.IndexRemoveAsync(DueIndex(group), member.Member, cancellationToken).ConfigureAwait(false);
                    await claims.ReleaseClaimAsync(LeaseKey(member.Member), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                taken.Add(batch);
            }
        }
        return taken;
    }

    /// <summary>A batch from its document key (<c>…{tag}kind:county:yyyyMMdd:id</c>) and fields; null when not one of ours.</summary>
    private PointerBatch? Parse(int group, string id, string[] fields)
    {
        var prefix = BatchPrefix(group);
        if (!id.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var name = id[prefix.Length..];
        var kindEnd = name.IndexOf(':', StringComparison.Ordinal);
        var idStart = name.LastIndexOf(':');
        var dayStart = idStart > 0 ? name.LastIndexOf(':', idStart - 1) : -1;
        if (kindEnd < 0 || dayStart <= kindEnd ||
            !DateOnly.TryParseExact(name[(dayStart + 1)..idStart], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sendDay))
            return null;
        var pointers = new List<ReminderPointer>(fields.Length);
        foreach (var field in fields)
        {
            var stageStart = field.LastIndexOf(':');
            var dueStart = stageStart > 0 ? field.LastIndexOf(':', stageStart - 1) : -1;
            if (dueStart <= 0 || !int.TryParse(field.AsSpan(dueStart + 1, stageStart - dueStart - 1), NumberStyles.None,
                    CultureInfo.InvariantCulture, out var due)) continue;
            pointers.Add(new ReminderPointer(field[..dueStart], DateOnly.FromDayNumber(due), field[(stageStart + 1)..], sendDay));
        }
        return new PointerBatch(id, name[..kindEnd], name[(kindEnd + 1)..dayStart], sendDay, pointers);
    }

    public async ValueTask CompleteAsync(PointerBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var group = Enumerable.Range(0, Groups).First(g => batch.Id.StartsWith(BatchPrefix(g), StringComparison.Ordinal));
        // Document first: were the index removal lost, the next take finds no document and drops the member.
        if (await documents.DeleteAsync(batch.Id, cancellationToken).ConfigureAwait(false))
            await CountAsync("pointers-expanded", batch.CountyId, batch.Pointers.Count, cancellationToken).ConfigureAwait(false);
        await scoredIndex.IndexRemoveAsync(DueIndex(group), batch.Id, cancellationToken).ConfigureAwait(false);
        await claims.ReleaseClaimAsync(LeaseKey(batch.Id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A counter for all counties and one for the county (per batch, not per pointer).</summary>
    private async ValueTask CountAsync(string name, string countyId, long by, CancellationToken cancellationToken)
    {
        await counters.IncrementAsync(CounterKey(name), by, null, cancellationToken).ConfigureAwait(false);
        await counters.IncrementAsync(CounterKey(name + "/" + countyId), by, null, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<long> UnexpandedAsync(string? countyId = null, CancellationToken cancellationToken = default)
    {
        var suffix = countyId is null ? "" : "/" + countyId;
        var claimed = await counters.IncrementAsync(CounterKey("pointers" + suffix), 0, null, cancellationToken).ConfigureAwait(false);
        var expanded = await counters.IncrementAsync(CounterKey("pointers-expanded" + suffix), 0, null, cancellationToken).ConfigureAwait(false);
        return Math.Max(0, claimed - expanded);
    }
}
