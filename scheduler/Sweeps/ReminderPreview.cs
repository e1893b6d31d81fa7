using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>What the sweeps would send over a range of days, without claiming or sending anything.</summary>
public sealed class ReminderPreview(IEnumerable<IReminderSweep> sweeps)
{
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(ReminderCounty county, DateOnly firstDay, int days,
        CancellationToken cancellationToken = default)
    {
        var lastDay = firstDay.AddDays(Math.Max(1, days) - 1);
        var messages = new List<OutboxMessage>();
        foreach (var sweep in sweeps)
            await foreach (var message in sweep.ProduceAsync(county, firstDay, lastDay, cancellationToken).ConfigureAwait(false))
                messages.Add(message);
        return messages
            .OrderBy(m => m.DueAt)
            .ThenBy(m => m.Kind, StringComparer.Ordinal)
            .ThenBy(m => m.Subject, StringComparer.Ordinal)
            .ThenBy(m => m.Stage, StringComparer.Ordinal)
            .ToList();
    }
}
