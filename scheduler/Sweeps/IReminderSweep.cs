using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// One kind of reminder: given a county and a range of days, the messages those days bring (each with its
/// idempotency key and due time). Producing has no side effects, so the same code serves sending and preview.
/// </summary>
public interface IReminderSweep
{
    /// <summary>"loan-repayment", "loan-overdue", "loan-due-list", "duty", "window".</summary>
    string Name { get; }

    /// <summary>True when it writes to cadres: its Quartz trigger then skips rest days (cn-workdays calendar).</summary>
    bool CadreFacing { get; }

    IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        CancellationToken cancellationToken = default);
}
