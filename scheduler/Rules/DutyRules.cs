using AssistBot.Knowledge.Calendar;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Scheduler.Rules;

/// <summary>
/// When duties fall due. Pure date arithmetic over the Chinese working-day calendar.
/// <list type="bullet">
/// <item>Calendar cadences: each period (the week, month, quarter, half-year or year of the calendar, or only the
/// listed months/quarters) is split into <see cref="DutyCadence.Times"/> slots; a slot is due on its last day (a
/// weekday duty on that day). The recipient hears of it on the first working day of the slot, or — for slots longer
/// than a month — <see cref="DutySettings.RemindDaysBefore"/> days before it is due. A completion on or after the
/// slot opened satisfies it; windows due before the subject's date (or import) do not count.</item>
/// <item>Fixed dates: due on the date each year, reminded <c>remindDaysBefore</c> days before.</item>
/// <item>Rolling (<c>anchor: last-done</c>): due one interval after the last completion (or the subject's date).</item>
/// <item>One-off: due <c>withinDays</c>/<c>withinMonths</c> after the subject's date.</item>
/// </list>
/// Reminders land on the working day on or after their day; an unsatisfied occurrence escalates <c>grace</c>
/// working days after that.
/// </summary>
public static class DutyRules
{
    /// <summary>How far back a window is searched for occurrences whose escalation may still fall in it.</summary>
    private const int LookbackDays = 62;

    /// <summary>The due date one interval after <paramref name="from"/> (rolling cadences).</summary>
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
    /// The reminders of <paramref name="cadence"/> towards a subject whose recipient hears of them on
    /// <paramref name="firstDay"/>..<paramref name="lastDay"/>.
    /// </summary>
    public static IEnumerable<DutyOccurrence> Occurrences(DutyCadence cadence, DateOnly since, DateOnly? lastDone,
        DateOnly firstDay, DateOnly lastDay, int graceWorkdays, ChinaWorkdays workdays, int remindDaysBefore = 14)
    {
        if (cadence.IsOneOff)
        {
            if (lastDone is { } done && done >= since) yield break;
            DateOnly deadline, remindFrom;
            if (cadence.WithinDays is int within)
            {
                deadline = since.AddDays(within);
                remindFrom = since.AddDays(Math.Max(1, within - 2));
            }
            else
            {
                deadline = since.AddMonths(cadence.WithinMonths!.Value);
                var before = deadline.AddDays(-(cadence.RemindDaysBefore ?? remindDaysBefore));
                remindFrom = before > since ? before : since.AddDays(1);
            }
            var remindOn = workdays.OnOrAfter(remindFrom);
            if (remindOn >= firstDay && remindOn <= lastDay) yield return new(DutyOccurrence.Due, deadline, remindOn) { Opens = since };
            var escalateOn = workdays.OnOrAfter(deadline.AddDays(1));
            if (escalateOn >= firstDay && escalateOn <= lastDay) yield return new(DutyOccurrence.Overdue, deadline, escalateOn) { Opens = since };
            yield break;
        }

        if (cadence.IsRolling)
        {
            var anchor = lastDone is { } last && last > since ? last : since;
            for (var due = Advance(cadence, anchor); due <= lastDay; due = Advance(cadence, due))
            {
                var sendDay = workdays.OnOrAfter(due);
                if (sendDay >= firstDay && sendDay <= lastDay) yield return new(DutyOccurrence.Due, due, sendDay) { Opens = anchor };
                var escalateOn = workdays.AddWorkdays(sendDay, graceWorkdays);
                if (escalateOn >= firstDay && escalateOn <= lastDay) yield return new(DutyOccurrence.Overdue, due, escalateOn) { Opens = anchor };
            }
            yield break;
        }

        foreach (var window in Windows(cadence, firstDay.AddDays(-LookbackDays), lastDay, remindDaysBefore))
        {
            if (window.Due < since) continue; // before the subject existed (its 日期, or the day it was imported)
            if (lastDone is { } d && d >= window.Opens) continue; // done since this window opened
            var sendDay = workdays.OnOrAfter(window.RemindFrom);
            if (sendDay >= firstDay && sendDay <= lastDay)
                yield return new(DutyOccurrence.Due, window.Due, sendDay) { Opens = window.Opens, Slot = window.Slot, Slots = window.Slots, Target = window.Target };
            var escalateOn = workdays.AddWorkdays(workdays.OnOrAfter(window.Due), graceWorkdays);
            if (escalateOn >= firstDay && escalateOn <= lastDay)
                yield return new(DutyOccurrence.Overdue, window.Due, escalateOn) { Opens = window.Opens, Slot = window.Slot, Slots = window.Slots, Target = window.Target };
        }
    }

    /// <summary>A calendar window of a duty: it opens, the reminder goes out from <see cref="RemindFrom"/>, it is due.</summary>
    public readonly record struct Window(DateOnly Opens, DateOnly RemindFrom, DateOnly Due, int Slot, int Slots, string? Target);

    /// <summary>The calendar windows (periods × slots, or fixed dates) that are due on or after <paramref name="from"/> and open by <paramref name="to"/>.</summary>
    public static IEnumerable<Window> Windows(DutyCadence cadence, DateOnly from, DateOnly to, int remindDaysBefore = 14)
    {
        var lead = cadence.RemindDaysBefore ?? remindDaysBefore;
        if (cadence.Dates.Count > 0)
        {
            var windows = new List<Window>();
            for (var year = from.Year; year <= to.Year + 1; year++)
                foreach (var date in cadence.Dates)
                    if (date.In(year) is { } due && due >= from)
                    {
                        var opens = due.AddDays(-lead);
                        if (opens <= to) windows.Add(new Window(opens, opens, due, 0, 1, date.Target));
                    }
            foreach (var w in windows.OrderBy(w => w.Due)) yield return w;
            yield break;
        }

        for (var start = PeriodStart(cadence.Every!, from); start <= to; start = NextPeriod(cadence.Every!, start))
        {
            if (cadence.Months.Count > 0 && !cadence.Months.Contains(start.Month)) continue;
            if (cadence.Quarters.Count > 0 && !cadence.Quarters.Contains((start.Month - 1) / 3 + 1)) continue;
            var end = NextPeriod(cadence.Every!, start).AddDays(-1);
            if (cadence.Weekday is int weekday)
            {
                var day = start.AddDays((weekday - Iso(start.DayOfWeek) + 7) % 7);
                if (day >= from && day <= to) yield return new Window(day, day, day, 0, 1, null);
                continue;
            }
            var times = Math.Max(1, cadence.Times);
            var length = end.DayNumber - start.DayNumber + 1;
            for (var slot = 0; slot < times; slot++)
            {
                var opens = start.AddDays(slot * length / times);
                var due = start.AddDays((slot + 1) * length / times - 1);
                if (due < from || opens > to) continue;
                var slotLength = due.DayNumber - opens.DayNumber + 1;
                var remindFrom = slotLength <= 31 ? opens : Max(opens, due.AddDays(-lead));
                yield return new Window(opens, remindFrom, due, slot + 1, times, null);
            }
        }
    }

    /// <summary>
    /// The next date the duty is due, after a completion on <paramref name="done"/> (shown to the cadre); null for a
    /// one-off. Calendar duties: the due date of the first window that opens after the completion.
    /// </summary>
    public static DateOnly? NextDue(DutyCadence cadence, DateOnly done, int remindDaysBefore = 14)
    {
        if (cadence.IsOneOff) return null;
        if (cadence.IsRolling) return Advance(cadence, done);
        return Windows(cadence, done, done.AddYears(2), remindDaysBefore).Where(w => w.Opens > done).Select(w => (DateOnly?)w.Due).FirstOrDefault();
    }

    /// <summary>
    /// The date a duty is (or was) due that is not yet satisfied, as of <paramref name="today"/>: the one-off deadline,
    /// the rolling due date, or the earliest undone calendar window due in the last week or ahead (older windows have
    /// escalated already; a cadre's list shows what can still be done); null when there is none.
    /// </summary>
    public static DateOnly? CurrentDue(DutyCadence cadence, DateOnly since, DateOnly? lastDone, DateOnly today, int remindDaysBefore = 14)
    {
        if (cadence.IsOneOff)
        {
            if (lastDone >= since) return null;
            return cadence.WithinDays is int days ? since.AddDays(days) : since.AddMonths(cadence.WithinMonths!.Value);
        }
        if (cadence.IsRolling) return Advance(cadence, lastDone is { } l && l > since ? l : since);
        return Windows(cadence, today.AddDays(-7), today.AddYears(1), remindDaysBefore)
            .Where(w => w.Due >= since && (lastDone is not { } d || d < w.Opens))
            .Select(w => (DateOnly?)w.Due)
            .FirstOrDefault();
    }

    private static DateOnly PeriodStart(string every, DateOnly day) => every switch
    {
        "week" => day.AddDays(-(Iso(day.DayOfWeek) - 1)),
        "month" => new DateOnly(day.Year, day.Month, 1),
        "quarter" => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        "half-year" => new DateOnly(day.Year, day.Month <= 6 ? 1 : 7, 1),
        "year" => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentException($"'{every}' is not a period.", nameof(every)),
    };

    private static DateOnly NextPeriod(string every, DateOnly start) => every switch
    {
        "week" => start.AddDays(7),
        "month" => start.AddMonths(1),
        "quarter" => start.AddMonths(3),
        "half-year" => start.AddMonths(6),
        "year" => start.AddYears(1),
        _ => throw new ArgumentException($"'{every}' is not a period.", nameof(every)),
    };

    private static int Iso(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
