using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>What one sweep run did.</summary>
public sealed record SweepReport(string Sweep, int Produced, int Enqueued)
{
    public int Duplicates => Produced - Enqueued;
}

/// <summary>
/// Runs a sweep for every county over the time since its watermark: produces the reminders whose send time fell in
/// (watermark, now], enqueues each under its idempotency key, then moves the watermark to now. Re-running, running
/// late (catch-up after downtime) or running on two instances at once therefore neither loses nor repeats anything.
/// A <see cref="IPointerSweep"/> (the borrower prompts) claims pointers instead when the host stores them
/// (<see cref="IReminderPointers"/>): delivery turns them into the same messages, under the same keys, when they are due.
/// </summary>
public sealed class ReminderSweepRunner(IEnumerable<IReminderSweep> sweeps, IReminderCounties counties, ISweepWatermarks watermarks,
    IOutbox outbox, SweepOptions options, TimeProvider time, ILogger<ReminderSweepRunner> logger, IReminderPointers? pointers = null)
{
    private readonly Dictionary<string, IReminderSweep> _sweeps = sweeps.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IReminderSweep> Sweeps => _sweeps.Values;

    public async Task<IReadOnlyList<SweepReport>> RunAllAsync(CancellationToken cancellationToken = default)
    {
        var reports = new List<SweepReport>();
        foreach (var name in _sweeps.Keys.Order(StringComparer.Ordinal))
            reports.Add(await RunAsync(name, cancellationToken).ConfigureAwait(false));
        return reports;
    }

    /// <summary>
    /// <see cref="RunAsync"/> for the scheduler: a run that fails (storage unreachable, a county's data unreadable) is
    /// logged as one warning with the reason, without a stack trace, and returns null. The failed county's watermark did
    /// not move, so the next run catches up what this one missed; an outage is not also a Quartz error every half hour.
    /// </summary>
    public async Task<SweepReport?> RunScheduledAsync(string sweepName, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RunAsync(sweepName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Sweep {Sweep} failed ({Type}: {Error}); the next run catches up from where this one stopped", sweepName,
                e.GetType().Name, e.Message);
            logger.LogDebug(e, "Sweep {Sweep} failed", sweepName);
            return null;
        }
    }

    public async Task<SweepReport> RunAsync(string sweepName, CancellationToken cancellationToken = default)
    {
        if (!_sweeps.TryGetValue(sweepName, out var sweep)) throw new ArgumentException($"No sweep named {sweepName}.", nameof(sweepName));
        var now = time.GetUtcNow();
        int produced = 0, enqueued = 0;
        foreach (var county in counties.All)
        {
            var mark = await watermarks.GetAsync(county.Id, sweep.Name, cancellationToken).ConfigureAwait(false) ?? now - options.InitialLookback;
            var from = mark < now - options.MaxCatchUp ? now - options.MaxCatchUp : mark;
            if (from >= now)
            {
                await watermarks.AdvanceAsync(county.Id, sweep.Name, now, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (mark < from)
                logger.LogWarning("Sweep {Sweep} for {County} was last run at {Mark}; catching up only from {From}", sweep.Name,
                    county.Id, mark, from);

            var (firstDay, lastDay) = DaysSending(county, from, now);
            if (firstDay <= lastDay)
            {
                var (p, e) = sweep is IPointerSweep pointerSweep && pointers is not null
                    ? await ClaimAllAsync(pointerSweep, pointers, county, firstDay, lastDay, cancellationToken).ConfigureAwait(false)
                    : await EnqueueAllAsync(sweep.ProduceAsync(county, firstDay, lastDay, cancellationToken), cancellationToken)
                        .ConfigureAwait(false);
                produced += p;
                enqueued += e;
            }
            await watermarks.AdvanceAsync(county.Id, sweep.Name, now, cancellationToken).ConfigureAwait(false);
        }
        if (produced > 0)
            logger.LogInformation("Sweep {Sweep}: {Enqueued} reminders queued ({Duplicates} already queued before)", sweep.Name,
                enqueued, produced - enqueued);
        return new SweepReport(sweep.Name, produced, enqueued);
    }

    /// <summary>
    /// The messages, in one batch per outbox partition (<see cref="IOutbox.Partitions"/>: the slot groups of a Redis
    /// Cluster, so each batch is one atomic call to one node).
    /// </summary>
    private Task<(int Produced, int Stored)> EnqueueAllAsync(IAsyncEnumerable<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var partitions = Math.Max(1, outbox.Partitions);
        return StoreInBatchesAsync(messages, m => partitions == 1 ? 0 : outbox.PartitionOf(m),
            async batch => await outbox.EnqueueManyAsync(batch, cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>The sweep's pointers, in one batch per (send day, pointer partition): each batch one claim hash.</summary>
    private Task<(int Produced, int Stored)> ClaimAllAsync(IPointerSweep sweep, IReminderPointers store, ReminderCounty county,
        DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        StoreInBatchesAsync(sweep.PointAsync(county, firstDay, lastDay, cancellationToken),
            p => (p.SendDay, store.Partitions == 1 ? 0 : store.PartitionOf(p)),
            async batch => await store.ClaimAsync(sweep.Name, county.Id, batch[0].SendDay, SweepSupport.SendAt(county, batch[0].SendDay), batch,
                cancellationToken).ConfigureAwait(false), cancellationToken);

    /// <summary>
    /// Streams the items into one batch per <paramref name="batchOf"/> key of up to <see cref="SweepOptions.EnqueueBatchSize"/>,
    /// and stores up to <see cref="SweepOptions.EnqueueParallelism"/> batches at once, each on the thread pool (building
    /// and serializing a batch then overlaps with producing the next, and partitions on different nodes are written in
    /// parallel). Memory stays at a batch per key plus those in flight, however many items come. Returns how many items
    /// came and how many <paramref name="store"/> reported new.
    /// </summary>
    private async Task<(int Produced, int Stored)> StoreInBatchesAsync<T, TKey>(IAsyncEnumerable<T> items, Func<T, TKey> batchOf,
        Func<List<T>, Task<int>> store, CancellationToken cancellationToken) where TKey : notnull
    {
        var batchSize = Math.Max(1, options.EnqueueBatchSize);
        var parallelism = Math.Max(1, options.EnqueueParallelism);
        var inFlight = new List<Task<int>>(parallelism);
        int produced = 0, stored = 0;
        try
        {
            var batches = new Dictionary<TKey, List<T>>();
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                produced++;
                var key = batchOf(item);
                if (!batches.TryGetValue(key, out var batch)) batches[key] = batch = new List<T>(batchSize);
                batch.Add(item);
                if (batch.Count < batchSize) continue;
                batches.Remove(key);
                await SubmitAsync(batch).ConfigureAwait(false);
            }
            foreach (var batch in batches.Values) await SubmitAsync(batch).ConfigureAwait(false);
            while (inFlight.Count > 0) stored += await TakeFinishedAsync(inFlight).ConfigureAwait(false);
            return (produced, stored);
        }
        finally
        {
            // On failure, let the other batches finish (each is atomic) before the exception goes up.
            if (inFlight.Count > 0) await ((Task)Task.WhenAll(inFlight)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        async Task SubmitAsync(List<T> batch)
        {
            if (inFlight.Count == parallelism) stored += await TakeFinishedAsync(inFlight).ConfigureAwait(false);
            inFlight.Add(Task.Run(() => store(batch), cancellationToken));
        }
    }

    private static async Task<int> TakeFinishedAsync(List<Task<int>> inFlight)
    {
        var finished = await Task.WhenAny(inFlight).ConfigureAwait(false);
        inFlight.Remove(finished);
        return await finished.ConfigureAwait(false);
    }

    /// <summary>The days whose send time falls in (<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static (DateOnly First, DateOnly Last) DaysSending(ReminderCounty county, DateTimeOffset from, DateTimeOffset to)
    {
        var sendTime = county.Pack.SendTimeOfDay;
        var first = ChinaTime.DateOf(from);
        if (ChinaTime.At(first, sendTime) <= from) first = first.AddDays(1);
        var last = ChinaTime.DateOf(to);
        if (ChinaTime.At(last, sendTime) > to) last = last.AddDays(-1);
        return (first, last);
    }
}
