using AssistBot.Knowledge.Calendar;

namespace AssistBot.Scheduler.Rules;

/// <summary>Which loans a day's loan reminders concern. Pure date arithmetic.</summary>
public static class LoanRules
{
    /// <summary>Stage label of a borrower prompt, e.g. "30d".</summary>
    public static string BorrowerStage(int daysBefore) => $"{daysBefore}d";

    /// <summary>Stage label of an overdue escalation, e.g. "overdue-7d".</summary>
    public static string OverdueStage(int daysAfter) => $"overdue-{daysAfter}d";

    /// <summary>The maturity date a borrower prompt sent on <paramref name="day"/> concerns (farmer dates do not move).</summary>
    public static DateOnly MaturityForBorrowerPrompt(DateOnly day, int daysBefore) => day.AddDays(daysBefore);

    /// <summary>
    /// The maturity dates whose escalation "<paramref name="daysAfter"/> days after maturity" lands on working day
    /// <paramref name="day"/>: escalations to cadres falling on a rest day move to the next working day, so a working
    /// day collects those of the rest days before it. Null when <paramref name="day"/> is not a working day.
    /// </summary>
    public static (DateOnly First, DateOnly Last)? MaturitiesForEscalation(DateOnly day, int daysAfter, ChinaWorkdays workdays)
    {
        if (!workdays.IsWorkday(day)) return null;
        var previous = day.AddDays(-1);
        while (!workdays.IsWorkday(previous)) previous = previous.AddDays(-1);
        return (previous.AddDays(1 - daysAfter), day.AddDays(-daysAfter));
    }

    /// <summary>The working day a cadre hears of a loan <paramref name="daysAfter"/> days overdue.</summary>
    public static DateOnly EscalationDay(DateOnly maturity, int daysAfter, ChinaWorkdays workdays) =>
        workdays.OnOrAfter(maturity.AddDays(daysAfter));

    /// <summary>The monthly due list goes out on the first working day of the month.</summary>
    public static bool IsDueListDay(DateOnly day, ChinaWorkdays workdays) => workdays.FirstWorkdayOfMonth(day.Year, day.Month) == day;

    /// <summary>The 贷后监管 reminder goes out on the first working day of each configured month.</summary>
    public static bool IsSupervisionDay(DateOnly day, IReadOnlyCollection<int> months, ChinaWorkdays workdays) =>
        months.Contains(day.Month) && IsDueListDay(day, workdays);
}
