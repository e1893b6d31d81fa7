using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Storage;

/// <summary>
/// <see cref="IOutbox"/> over the storage roles: a document per message (written once per idempotency key: its
/// existence is the key's claim), the scored index <c>outbox:due</c> by next attempt time, and a short lease per
/// hand-out so several workers (or instances) never send the same message at the same time.
/// </summary>
/// <remarks>
/// <paramref name="keyspace"/> separates outboxes sharing one store (tests); production uses "outbox".
/// Enqueueing writes the document if absent and adds the index member in one atomic storage call
/// (<see cref="IClaimStore.ClaimAndWriteManyAsync{T}"/>), so a queued reminder costs one key (its document) and an index
/// member, and there is never a claim without its message. A finished message is kept 90 days; its idempotency key stays
/// claimed ~400 days as a field of a shared hash (<see cref="IClaimStore.KeepClaimAsync"/>), kept before it finishes.
/// On a Redis Cluster (<see cref="IScoredIndex.SlotGroups"/> &gt; 1) each message belongs to a slot group chosen from its
/// id: its document, kept claim and due-index member carry the group's hash tag <c>{outbox:g}</c>, so one enqueue stays
/// in one slot while the whole outbox spreads over the nodes; the due index is one sorted set per group. With one group
/// the keys are the plain names they always had (no migration on a standalone Redis or the embedded store).
/// </remarks>
public sealed class StorageOutbox(IDocumentStore documents, IClaimStore claims, IScoredIndex scoredIndex,
    ICounterStore counters, TimeProvider time, string keyspace = "outbox") : IOutbox, IDeliveryRecords
{
    private int _groups;

    /// <summary>The reminders sweeps claimed and delivery has not turned into messages yet (same keyspace and slot groups).</summary>
    public StorageReminderPointers Pointers { get; } = new(documents, claims, scoredIndex, counters, keyspace);

    private int _nextGroup;
    private readonly string _sentIndex = keyspace + ":sent";
    private readonly string _failedIndex = keyspace + ":failed";
    private readonly string _routesIndex = keyspace + ":routes";

    /// <summary>How long an idempotency key stays claimed: longer than any reminder cycle (a year plus slack).</summary>
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(400);

    /// <summary>How long a finished message stays readable in the admin view.</summary>
    public static readonly TimeSpan FinishedLifetime = TimeSpan.FromDays(90);

    private int Groups => _groups != 0 ? _groups : _groups = Math.Max(1, scoredIndex.SlotGroups);

    /// <summary>How many slot groups the outbox is spread over: a sweep batches and enqueues per group (one script each).</summary>
    public int Partitions => Groups;

    /// <summary>The slot group of a message (from its idempotency key).</summary>
    public int PartitionOf(OutboxMessage message) => GroupOf(OutboxIds.FromIdempotencyKey(message.IdempotencyKey));

    private int GroupOf(string id) => OutboxSlotGroups.GroupOf(id, Groups);

    private string Tag(int group) => OutboxSlotGroups.Tag(keyspace, group, Groups);
    private string DueIndex(int group) => keyspace + ":due" + Tag(group);
    private IEnumerable<string> DueIndexes => Enumerable.Range(0, Groups).Select(DueIndex);
    internal string MessageKey(string id) => keyspace + "/messages/" + Tag(GroupOf(id)) + id;
    private string LeaseKey(string id) => keyspace + "/lease/" + id;
    private string CounterKey(string name) => keyspace + "/counts/" + name;

    public static double Score(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public async ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return await EnqueueManyAsync([message], cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<int> EnqueueManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        if (messages.Count == 0) return 0;
        var writes = new ClaimedWrite<OutboxEntry>[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var id = OutboxIds.FromIdempotencyKey(message.IdempotencyKey);
            writes[i] = new ClaimedWrite<OutboxEntry>(MessageKey(id),
                new OutboxEntry { Id = id, Message = message, NextAttemptAt = message.DueAt }, DueIndex(GroupOf(id)), id, Score(message.DueAt));
        }
        var claimed = await claims.ClaimAndWriteManyAsync(writes, ClaimLifetime, cancellationToken).ConfigureAwait(false);
        var stored = claimed.Count(c => c);
        // The counter is for the admin view only; were this call lost, the messages above are queued all the same.
        if (stored > 0) await counters.IncrementAsync(CounterKey("enqueued"), stored, null, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> TakeDueAsync(DateTimeOffset now, int max, TimeSpan lease,
        CancellationToken cancellationToken = default)
    {
        var taken = new List<OutboxEntry>(Math.Min(max, 256));
        // Each call starts at the next group, so a backlog in one group does not hold back the others.
        var first = (int)((uint)Interlocked.Increment(ref _nextGroup) % (uint)Groups);
        for (var g = 0; g < Groups && taken.Count < max; g++)
            await TakeDueAsync(DueIndex((first + g) % Groups), now, max, lease, taken, cancellationToken).ConfigureAwait(false);
        return taken;
    }

    private async ValueTask TakeDueAsync(string dueIndex, DateTimeOffset now, int max, TimeSpan lease, List<OutboxEntry> taken,
        CancellationToken cancellationToken)
    {
        var skip = 0;
        while (taken.Count < max)
        {
            var page = await scoredIndex.IndexRangeByScoreAsync(dueIndex, double.NegativeInfinity, Score(now), skip, max * 2,
                cancellationToken).ConfigureAwait(false);
            if (page.Count == 0) break;
            foreach (var member in page)
            {
                if (taken.Count >= max) break;
                if (!await claims.TryClaimAsync(LeaseKey(member.Member), lease, cancellationToken).ConfigureAwait(false))
                {
                    skip++;
                    continue;
                }
                var item = await documents.ReadAsync<OutboxEntry>(MessageKey(member.Member), cancellationToken).ConfigureAwait(false);
                if (item is null || item.Value.Status != OutboxStatus.Pending)
                {
                    // Finished or vanished meanwhile: drop the stale index member.
                    await scoredIndex.IndexRemoveAsync(dueIndex, member.Member, cancellationToken).ConfigureAwait(false);
                    await claims.ReleaseClaimAsync(LeaseKey(member.Member), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (item.Value.NextAttemptAt > now)
                {
                    await claims.ReleaseClaimAsync(LeaseKey(member.Member), cancellationToken).ConfigureAwait(false);
                    skip++;
                    continue;
                }
                taken.Add(item.Value);
                skip++;
            }
            if (page.Count < max * 2) break;
        }
    }

    public ValueTask MarkSentAsync(string id, string via, IReadOnlyList<OutboxAttempt>? trail = null,
        CancellationToken cancellationToken = default) =>
        FinishAsync(id, OutboxStatus.Sent, via, null, trail, cancellationToken);

    public ValueTask MarkFailedAsync(string id, string reason, IReadOnlyList<OutboxAttempt>? trail = null,
        CancellationToken cancellationToken = default) =>
        FinishAsync(id, OutboxStatus.Failed, null, reason, trail, cancellationToken);

    /// <summary>The trail kept on an entry: the most recent attempts (a long-retried entry does not grow without bound).</summary>
    public const int MaxTrail = 40;

    private static IReadOnlyList<OutboxAttempt> Append(IReadOnlyList<OutboxAttempt> trail, IReadOnlyList<OutboxAttempt>? more) =>
        more is null || more.Count == 0 ? trail : trail.Concat(more).TakeLast(MaxTrail).ToList();

    public async ValueTask RetryAtAsync(string id, DateTimeOffset at, string reason, IReadOnlyList<OutboxAttempt>? trail = null,
        bool countsAsAttempt = true, CancellationToken cancellationToken = default)
    {
        var changed = await ChangeAsync(id, e => e.Status != OutboxStatus.Pending ? null : e with
        {
            Attempts = e.Attempts + (countsAsAttempt ? 1 : 0),
            NextAttemptAt = at,
            LastError = reason,
            Trail = Append(e.Trail, trail),
        }, null, cancellationToken).ConfigureAwait(false);
        if (changed is null) return;
        await scoredIndex.IndexAddAsync(DueIndex(GroupOf(id)), id, Score(at), cancellationToken).ConfigureAwait(false);
        if (countsAsAttempt) await counters.IncrementAsync(CounterKey("retries"), 1, null, cancellationToken).ConfigureAwait(false);
        await claims.ReleaseClaimAsync(LeaseKey(id), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask FinishAsync(string id, OutboxStatus status, string? via, string? reason,
        IReadOnlyList<OutboxAttempt>? trail, CancellationToken cancellationToken)
    {
        // Before the message gets its expiry: were this call lost, the message stays pending (and claimed) and is finished later.
        await claims.KeepClaimAsync(MessageKey(id), ClaimLifetime, cancellationToken).ConfigureAwait(false);
        var finished = await ChangeAsync(id, e => e.Status != OutboxStatus.Pending ? null : e with
        {
            Status = status,
            Attempts = e.Attempts + 1,
            CompletedAt = time.GetUtcNow(),
            DeliveredVia = via,
            LastError = reason ?? e.LastError,
            Trail = Append(e.Trail, trail),
        }, FinishedLifetime, cancellationToken).ConfigureAwait(false);
        if (finished is null) return;
        await scoredIndex.IndexRemoveAsync(DueIndex(GroupOf(id)), id, cancellationToken).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(status == OutboxStatus.Sent ? _sentIndex : _failedIndex, id,
            Score(finished.CompletedAt!.Value), cancellationToken).ConfigureAwait(false);
        await counters.IncrementAsync(CounterKey(status == OutboxStatus.Sent ? "sent" : "failed"), 1, null, cancellationToken)
            .ConfigureAwait(false);
        if (via is not null)
        {
            await scoredIndex.IndexAddAsync(_routesIndex, via, 0, cancellationToken).ConfigureAwait(false);
            await counters.IncrementAsync(CounterKey("via/" + via), 1, null, cancellationToken).ConfigureAwait(false);
        }
        await claims.ReleaseClaimAsync(LeaseKey(id), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Read-modify-write of one entry; <paramref name="change"/> returns null to leave it as it is.</summary>
    private async ValueTask<OutboxEntry?> ChangeAsync(string id, Func<OutboxEntry, OutboxEntry?> change, TimeSpan? ttl,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var item = await documents.ReadAsync<OutboxEntry>(MessageKey(id), cancellationToken).ConfigureAwait(false);
            if (item is null) return null;
            var next = change(item.Value);
            if (next is null) return null;
            try
            {
                await documents.WriteAsync(MessageKey(id), next, WriteCondition.IfMatch(item.ETag), ttl, cancellationToken)
                    .ConfigureAwait(false);
                return next;
            }
            catch (StorageConflictException) when (attempt < 16)
            {
            }
        }
    }

    public async ValueTask<OutboxEntry?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await documents.ReadAsync<OutboxEntry>(MessageKey(id), cancellationToken).ConfigureAwait(false))?.Value;

    public async ValueTask<OutboxCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        var enqueued = await counters.IncrementAsync(CounterKey("enqueued"), 0, null, cancellationToken).ConfigureAwait(false);
        var sent = await counters.IncrementAsync(CounterKey("sent"), 0, null, cancellationToken).ConfigureAwait(false);
        var failed = await counters.IncrementAsync(CounterKey("failed"), 0, null, cancellationToken).ConfigureAwait(false);
        var retries = await counters.IncrementAsync(CounterKey("retries"), 0, null, cancellationToken).ConfigureAwait(false);
        var routes = await scoredIndex.IndexRangeByScoreAsync(_routesIndex, double.NegativeInfinity, double.PositiveInfinity, 0, 100,
            cancellationToken).ConfigureAwait(false);
        var byRoute = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var route in routes)
            byRoute[route.Member] = await counters.IncrementAsync(CounterKey("via/" + route.Member), 0, null, cancellationToken)
                .ConfigureAwait(false);
        var unexpanded = await Pointers.UnexpandedAsync(null, cancellationToken).ConfigureAwait(false);
        return new OutboxCounts(enqueued, Math.Max(0, enqueued - sent - failed), sent, failed, retries, byRoute, unexpanded);
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus status, int skip = 0, int take = 50,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<IndexEntry> page;
        if (status == OutboxStatus.Pending && Groups > 1)
        {
            // One sorted set per slot group: the first skip + take of each, merged in the index's order.
            var merged = new List<IndexEntry>();
            foreach (var index in DueIndexes)
                merged.AddRange(await scoredIndex.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity, 0,
                    skip + take, cancellationToken).ConfigureAwait(false));
            page = [.. merged.OrderBy(e => e.Score).ThenBy(e => e.Member, StringComparer.Ordinal).Skip(skip).Take(take)];
        }
        else
        {
            var index = status switch
            {
                OutboxStatus.Pending => DueIndex(0),
                OutboxStatus.Sent => _sentIndex,
                _ => _failedIndex,
            };
            page = await scoredIndex.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity, skip, take,
                cancellationToken).ConfigureAwait(false);
        }
        var entries = new List<OutboxEntry>(page.Count);
        foreach (var member in page)
            if (await GetAsync(member.Member, cancellationToken).ConfigureAwait(false) is { } entry) entries.Add(entry);
        return entries;
    }

    public async ValueTask<IReadOnlyList<NotReachedEntry>> ListNotReachedAsync(string countyId, DateOnly day, int take = 500,
        CancellationToken cancellationToken = default)
    {
        var start = ChinaTime.At(day, TimeOnly.MinValue);
        var end = start.AddDays(1);
        var result = new List<NotReachedEntry>();
        // Due that day: finished ones are found by completion (on or after the due day), pending ones by next attempt.
        foreach (var index in new[] { _failedIndex, _sentIndex }.Concat(DueIndexes))
        {
            var max = index != _failedIndex && index != _sentIndex ? double.PositiveInfinity : Score(end.AddDays(31));
            for (var skip = 0; result.Count < take; skip += 500)
            {
                var page = await scoredIndex.IndexRangeByScoreAsync(index, Score(start), max, skip, 500, cancellationToken).ConfigureAwait(false);
                foreach (var member in page)
                {
                    if (await GetAsync(member.Member, cancellationToken).ConfigureAwait(false) is not { } e) continue;
                    var m = e.Message;
                    if (m.CountyId != countyId || m.DueAt < start || m.DueAt >= end || m.Recipient.Channel == OutboxRecipient.WeCom) continue;
                    var reached = e.Status == OutboxStatus.Sent && e.DeliveredVia?.StartsWith("wechat:", StringComparison.Ordinal) == true;
                    if (reached || (e.Status == OutboxStatus.Pending && e.Trail.Count == 0)) continue;
                    var last = e.Trail.LastOrDefault(a => a.Route != Scheduler.Delivery.DeliveryRoutes.Cadre && a.Result != OutboxAttempt.Sent);
                    result.Add(new NotReachedEntry(e.Id, m.CountyId, m.Kind, m.Subject, m.Title, m.Recipient, e.Status, e.DeliveredVia,
                        last?.Route, last?.Reason ?? (m.Recipient.Channel == OutboxRecipient.None ? Scheduler.Delivery.DeliveryReasons.NotBound : e.LastError),
                        m.DueAt, e.Trail));
                    if (result.Count >= take) break;
                }
                if (page.Count < 500) break;
            }
        }
        return result;
    }
}
