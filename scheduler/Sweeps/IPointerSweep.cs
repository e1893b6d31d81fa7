using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// A sweep whose bulk is cheaper to claim as pointers than as messages (the borrower prompts: up to a million on one
/// day): the runner claims <see cref="PointAsync"/>'s pointers when the host has an <see cref="IReminderPointers"/>, and
/// delivery turns them into the same messages <see cref="IReminderSweep.ProduceAsync"/> makes, from the facts at that time.
/// </summary>
public interface IPointerSweep : IReminderSweep
{
    /// <summary>The reminders due over the days, from the due-date index alone (no subject read).</summary>
    IAsyncEnumerable<ReminderPointer> PointAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The messages the pointers stand for now (one batch read): none for a pointer whose subject no longer needs it
    /// (repaid, gone, due date moved).
    /// </summary>
    ValueTask<IReadOnlyList<OutboxMessage>> ExpandAsync(ReminderCounty county, IReadOnlyList<ReminderPointer> pointers,
        CancellationToken cancellationToken = default);
}
