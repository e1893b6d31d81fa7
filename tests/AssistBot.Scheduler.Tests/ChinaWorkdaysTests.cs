using AssistBot.Scheduler.Time;
using static AssistBot.Scheduler.Tests.TestData;

namespace AssistBot.Scheduler.Tests;

public sealed class ChinaWorkdaysTests
{
    [Theory]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-05-09")]
    [InlineData("2026-09-20")]
    [InlineData("2026-10-10")]
    public void The_2026_notice_make_up_weekends_are_working_days(string date)
    {
        var day = D(date);
        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(Workdays.IsWorkday(day));
    }

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-02")]
    [InlineData("2026-02-16")]
    [InlineData("2026-02-23")]
    [InlineData("2026-04-06")]
    [InlineData("2026-05-05")]
    [InlineData("2026-06-19")]
    [InlineData("2026-09-25")]
    [InlineData("2026-10-07")]
    public void The_2026_notice_holidays_are_rest_days(string date) => Assert.False(Workdays.IsWorkday(D(date)));

    [Fact]
    public void The_2026_data_has_33_holiday_dates_and_6_make_up_days()
    {
        Assert.Equal(33, Workdays.Holidays.Count(d => d.Year == 2026));
        Assert.Equal(6, Workdays.MakeUpWorkdays.Count(d => d.Year == 2026));
        Assert.True(Workdays.Covers(2024) && Workdays.Covers(2025) && Workdays.Covers(2026));
    }

    [Fact]
    public void National_day_2025_moves_to_the_ninth_and_the_make_up_saturday_counts()
    {
        Assert.True(Workdays.IsWorkday(D("2025-09-28")));
        Assert.Equal(D("2025-10-09"), Workdays.OnOrAfter(D("2025-10-01")));
        Assert.True(Workdays.IsWorkday(D("2025-10-11")));
        Assert.Equal(D("2025-10-13"), Workdays.OnOrAfter(D("2025-10-12")));
    }

    [Fact]
    public void May_2024_starts_working_on_the_sixth_and_works_on_saturday_the_eleventh()
    {
        Assert.Equal(D("2024-05-06"), Workdays.FirstWorkdayOfMonth(2024, 5));
        Assert.True(Workdays.IsWorkday(D("2024-04-28")));
        Assert.True(Workdays.IsWorkday(D("2024-05-11")));
        Assert.Equal(D("2024-05-07"), Workdays.AddWorkdays(D("2024-04-29"), 3));
    }

    [Fact]
    public void Quartz_calendar_excludes_holidays_and_includes_make_up_days()
    {
        var calendar = new ChinaWorkdayCalendar(Workdays);
        Assert.True(calendar.IsTimeIncluded(ChinaTime.At(D("2026-02-14"), new TimeOnly(9, 0))));
        Assert.False(calendar.IsTimeIncluded(ChinaTime.At(D("2026-02-16"), new TimeOnly(9, 0))));
        Assert.False(calendar.IsTimeIncluded(ChinaTime.At(D("2026-03-01"), new TimeOnly(9, 0))));

        var next = calendar.GetNextIncludedTimeUtc(ChinaTime.At(D("2025-10-01"), new TimeOnly(9, 0)));
        Assert.Equal(D("2025-10-09"), ChinaTime.DateOf(next));
        var clone = (ChinaWorkdayCalendar)calendar.Clone();
        Assert.True(clone.IsTimeIncluded(ChinaTime.At(D("2026-10-10"), new TimeOnly(9, 0))));
    }

    [Fact]
    public void Quartz_daily_cron_with_the_calendar_fires_on_make_up_saturday_and_skips_the_holiday()
    {
        var calendar = new ChinaWorkdayCalendar(Workdays);
        var trigger = Quartz.TriggerBuilder.Create()
            .WithSchedule(Quartz.CronScheduleBuilder.Create("0 0 9 * * ?").InTimeZone(ChinaTime.Zone))
            .StartAt(ChinaTime.At(D("2026-02-12"), TimeOnly.MinValue))
            .Build();
        // What Quartz's cron trigger does with a calendar: take the next cron time the calendar includes.
        var fires = new List<DateOnly>();
        DateTimeOffset? t = ChinaTime.At(D("2026-02-12"), TimeOnly.MinValue);
        while (fires.Count < 4 && (t = trigger.GetFireTimeAfter(t)) is { } fire)
            if (calendar.IsTimeIncluded(fire)) fires.Add(ChinaTime.DateOf(fire));
        Assert.Equal([D("2026-02-12"), D("2026-02-13"), D("2026-02-14"), D("2026-02-24")], fires);
    }
}
