using AssistBot.Knowledge.Calendar;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Scheduler.Rules;

/// <summary>One reminder a duty produces: the date it falls due and the working day the cadre hears of it.</summary>
public readonly record struct DutyOccurrence(string Stage, DateOnly DueDate, DateOnly SendDay)
{
    public const string Due = "due";
    public const string Overdue = "overdue";
}

/// <summary>
/// When duties fall due. A recurring duty is anchored at its last completion (or the subject's start date) and
/// falls due one interval later, and again every interval until done; a one-off duty falls due
/// <see cref="DutyCadence.WithinDays"/> after the start date. Cadres hear of a duty on the working day on or after
/// it falls due, and their township's lead after <c>grace</c> more working days. Pure date arithmetic.
/// </summary>
public static class DutyRules
{
    /// <summary>The due date one interval after <paramref name="from"/>.</summary>
    public static DateOnly Advance(DutyCadence cadence, DateOnly from)
    {
        var times = Math.Max(1, cadence.Times);
        return cadence.Every switch
        {
            "week" => from.AddDays(Math.Max(1, 7 / times)),
            "month" => times == 1 ? from.AddMonths(1) : from.AddDays(Math.Max(1, 30 / times)),
            "quarter" => times == 1 ? from.AddMonths(3) : from.AddDays(Math.Max(1, 91 / times)),
            "half-year" => times == 1 ? from.AddMonths(6) : from.AddDays(Math.Max(1, 182 / times)),
            "year" => times == 1 ? from.AddYears(1) : from.AddDays(Math.Max(1, 365 / times)),
            _ => throw new ArgumentException($"Duty {cadence.Id} has no recurring period.", nameof(cadence)),
        };
    }

    /// <summary>
    /// The reminders of <paramref name="cadence"/> towards a subject whose cadre hears of them on
    /// <paramref name="firstDay"/>..<paramref name="lastDay"/>.
    /// </summary>
    public static IEnumerable<DutyOccurrence> Occurrences(DutyCadence cadence, DateOnly since, DateOnly? lastDone,
        DateOnly firstDay, DateOnly lastDay, int graceWorkdays, ChinaWorkdays workdays)
    {
        if (cadence.WithinDays is int within)
        {
            if (lastDone is { } done && done >= since) yield break;
            var deadline = since.AddDays(within);
            var remindOn = workdays.OnOrAfter(since.AddDays(Math.Max(1, within - 2)));
            if (remindOn >= firstDay && remindOn <= lastDay) yield return new(DutyOccurrence.Due, deadline, remindOn);
            var escalateOn = workdays.OnOrAfter(deadline.AddDays(1));
            if (escalateOn >= firstDay && escalateOn <= lastDay) yield return new(DutyOccurrence.Overdue, deadline, escalateOn);
            yield break;
        }

        var anchor = lastDone is { } last && last > since ? last : since;
        for (var due = Advance(cadence, anchor); due <= lastDay; due = Advance(cadence, due))
        {
            var sendDay = workdays.OnOrAfter(due);
            if (sendDay >= firstDay && sendDay <= lastDay) yield return new(DutyOccurrence.Due, due, sendDay);
            var escalateOn = workdays.AddWorkdays(sendDay, graceWorkdays);
            if (escalateOn >= firstDay && escalateOn <= lastDay) yield return new(DutyOccurrence.Overdue, due, escalateOn);
        }
    }

    /// <summary>The next due date after a completion on <paramref name="done"/> (shown to the cadre).</summary>
    public static DateOnly? NextDue(DutyCadence cadence, DateOnly done) => cadence.Every is null ? null : Advance(cadence, done);
}
