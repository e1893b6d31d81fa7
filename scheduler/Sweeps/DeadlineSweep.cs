using System.Runtime.CompilerServices;
using AssistBot.Knowledge.Calendar;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// Deadlines from other parts (self-declaration steps …): the cadre hears on the working day before the due date
/// (or on it, after a rest day), the township's lead on the first working day after it passes.
/// </summary>
public sealed class DeadlineSweep(IEnumerable<IDeadlineSource> sources, ICadreDirectory cadres, ChinaWorkdays workdays, TimeProvider time)
    : IReminderSweep
{
    public const string Kind = "deadline";
    public const string OverdueKind = "deadline-overdue";

    public string Name => Kind;

    public bool CadreFacing => true;

    /// <summary>The working day the cadre is reminded of a deadline.</summary>
    public static DateOnly RemindOn(DateOnly due, ChinaWorkdays workdays)
    {
        var day = due.AddDays(-1);
        while (!workdays.IsWorkday(day) && day > due.AddDays(-10)) day = day.AddDays(-1);
        return workdays.IsWorkday(day) ? day : workdays.OnOrAfter(due);
    }

    public static DateOnly EscalateOn(DateOnly due, ChinaWorkdays workdays) => workdays.OnOrAfter(due.AddDays(1));

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var source in sources)
        {
            // Reminders fall up to ~10 days before (long holidays) and escalations a few days after the due date.
            await foreach (var deadline in source.DueBetweenAsync(county.Id, firstDay.AddDays(-12), lastDay.AddDays(12), cancellationToken)
                               .ConfigureAwait(false))
            {
                var remind = RemindOn(deadline.DueDate, workdays);
                var escalate = EscalateOn(deadline.DueDate, workdays);
                if (remind >= firstDay && remind <= lastDay && deadline.CadreUserId is { Length: > 0 } cadre)
                    yield return SweepSupport.Message(ReminderKinds.Key(Kind, county.Id, deadline.SubjectId, deadline.DueDate, deadline.Kind),
                        Kind, county, OutboxRecipient.Cadre(cadre), ReminderTexts.DeadlineDue(deadline, remind), remind, now,
                        deadline.SubjectId, deadline.Kind);
                if (escalate < firstDay || escalate > lastDay) continue;
                var lead = await cadres.TownshipLeadAsync(county.Id, deadline.Township, cancellationToken).ConfigureAwait(false);
                var to = lead?.UserId ?? deadline.CadreUserId;
                yield return SweepSupport.Message(ReminderKinds.Key(OverdueKind, county.Id, deadline.SubjectId, deadline.DueDate, deadline.Kind),
                    OverdueKind, county, to is { Length: > 0 } ? OutboxRecipient.Cadre(to) : OutboxRecipient.Unreachable($"no cadre for {deadline.Township}"),
                    ReminderTexts.DeadlineOverdue(deadline), escalate, now, deadline.SubjectId, deadline.Kind);
            }
        }
    }
}
