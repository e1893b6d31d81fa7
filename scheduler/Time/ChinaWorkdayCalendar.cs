using AssistBot.Knowledge.Calendar;
using Quartz;
using Quartz.Impl.Calendar;

namespace AssistBot.Scheduler.Time;

/// <summary>
/// Quartz calendar that lets triggers fire only on Chinese working days: weekdays minus public holidays, plus the
/// 调休 weekend make-up days. Pair it with an every-day cron: calendars can only exclude times, so a MON-FRI cron would
/// never offer the make-up Saturday.
/// </summary>
public sealed class ChinaWorkdayCalendar : BaseCalendar
{
    public const string Name = "cn-workdays";

    public ChinaWorkdayCalendar(ChinaWorkdays workdays) : base(ChinaTime.Zone) => Workdays = workdays;

    public ChinaWorkdays Workdays { get; }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public override bool IsTimeIncluded(DateTimeOffset timeUtc) =>
        base.IsTimeIncluded(timeUtc) && Workdays.IsWorkday(LocalDate(timeUtc));

    public override DateTimeOffset GetNextIncludedTimeUtc(DateTimeOffset timeUtc)
    {
        var candidate = base.GetNextIncludedTimeUtc(timeUtc);
        for (var guard = 0; guard < 400 && !IsTimeIncluded(candidate); guard++)
        {
            // Jump to the next local midnight and let the base calendars have their say again.
            var local = TimeZoneInfo.ConvertTime(candidate, TimeZone);
            var nextMidnight = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
            candidate = base.GetNextIncludedTimeUtc(nextMidnight.AddTicks(-1));
            if (candidate < nextMidnight) candidate = nextMidnight;
        }
        return candidate;
    }

    public override ICalendar Clone()
    {
        var clone = new ChinaWorkdayCalendar(Workdays);
        CloneFields(clone);
        return clone;
    }
}
