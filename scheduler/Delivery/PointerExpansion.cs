using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Turns due reminder pointers into outbox messages, a few batches at a time (<see cref="DeliveryOptions.ExpandBatches"/>),
/// when delivery is running low on due messages: a million pointers due at 09:00 become full messages only as fast as
/// they can be sent. Each batch is expanded by its sweep (<see cref="IPointerSweep.ExpandAsync"/>, the facts as they are
/// now) and queued under the messages' own idempotency keys, then completed; a batch expanded again after a crash
/// between the two queues nothing twice.
/// </summary>
public sealed class PointerExpansion(IReminderPointers pointers, IOutbox outbox, IEnumerable<IReminderSweep> sweeps,
    IReminderCounties counties, DeliveryOptions options, TimeProvider time, ILogger<PointerExpansion> logger)
{
    private readonly Dictionary<string, IPointerSweep> _sweeps = sweeps.OfType<IPointerSweep>().ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Expands up to <paramref name="maxBatches"/> due batches; returns how many pointers they held.</summary>
    public async Task<int> ExpandDueAsync(int maxBatches, CancellationToken cancellationToken = default)
    {
        var batches = await pointers.TakeDueAsync(time.GetUtcNow(), maxBatches, options.Lease, cancellationToken).ConfigureAwait(false);
        var handled = 0;
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var county = counties.All.FirstOrDefault(c => c.Id == batch.CountyId);
            if (county is null || !_sweeps.TryGetValue(batch.Kind, out var sweep))
            {
                // Configuration changed since the sweep (county or sweep removed): nothing to send it with.
                logger.LogWarning("{Count} {Kind} reminders for {County} dropped: the county or sweep is no longer configured",
                    batch.Pointers.Count, batch.Kind, batch.CountyId);
            }
            else
            {
                var messages = await sweep.ExpandAsync(county, batch.Pointers, cancellationToken).ConfigureAwait(false);
                var queued = messages.Count == 0 ? 0 : await outbox.EnqueueManyAsync(messages, cancellationToken).ConfigureAwait(false);
                logger.LogDebug("{Kind} for {County}: {Pointers} due reminders, {Messages} to send ({Queued} newly queued)", batch.Kind,
                    batch.CountyId, batch.Pointers.Count, messages.Count, queued);
            }
            await pointers.CompleteAsync(batch, cancellationToken).ConfigureAwait(false);
            handled += batch.Pointers.Count;
        }
        return handled;
    }

    /// <summary>Expands every due batch (tests, benchmarks, the CLI); returns how many pointers they held.</summary>
    public async Task<int> ExpandAllDueAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int handled;
        while ((handled = await ExpandDueAsync(Math.Max(1, options.ExpandBatches), cancellationToken).ConfigureAwait(false)) > 0) total += handled;
        return total;
    }
}
