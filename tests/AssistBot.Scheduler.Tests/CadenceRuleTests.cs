using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Rules;
using static AssistBot.Scheduler.Tests.TestData;

namespace AssistBot.Scheduler.Tests;

/// <summary>Every kind of cadence the two plans use, on the 2024 Chinese working-day calendar.</summary>
public sealed class CadenceRuleTests
{
    private static List<(string Stage, DateOnly Due, DateOnly Send)> Run(DutyCadence cadence, string first, string last,
        DateOnly? lastDone = null, DateOnly? since = null) =>
        DutyRules.Occurrences(cadence, since ?? DateOnly.MinValue, lastDone, D(first), D(last), 3, Workdays, 14)
            .Select(o => (o.Stage, o.DueDate, o.SendDay)).ToList();

    private static DutyCadence Duty(Action<DutyCadence> set)
    {
        var duty = new DutyCadence { Id = "d", Name = "任务", Role = "x", Source = "x" };
        set(duty);
        return duty;
    }

    [Fact]
    public void Every_tuesday_lands_on_each_tuesday_of_the_month()
    {
        var tuesdays = Run(Duty(d => { d.Every = "week"; d.Weekday = 2; }), "2024-06-01", "2024-06-30")
            .Where(o => o.Stage == DutyOccurrence.Due).Select(o => o.Send).ToList();
        Assert.Equal([D("2024-06-04"), D("2024-06-11"), D("2024-06-18"), D("2024-06-25")], tuesdays);
    }

    [Fact]
    public void Twice_a_month_splits_the_month_and_reminds_on_the_first_working_day_of_each_half()
    {
        var due = Run(Duty(d => { d.Every = "month"; d.Times = 2; }), "2024-06-01", "2024-06-30")
            .Where(o => o.Stage == DutyOccurrence.Due).ToList();
        // 6/1 is a Saturday; 6/16 a Sunday.
        Assert.Equal([(DutyOccurrence.Due, D("2024-06-15"), D("2024-06-03")), (DutyOccurrence.Due, D("2024-06-30"), D("2024-06-17"))], due);
    }

    [Fact]
    public void A_given_quarter_only_and_long_windows_remind_two_weeks_before_they_end()
    {
        var second = Duty(d => { d.Every = "quarter"; d.Quarters = [2]; });
        Assert.Equal([(DutyOccurrence.Due, D("2024-06-30"), D("2024-06-17"))], Run(second, "2024-01-01", "2024-12-31").Where(o => o.Stage == "due"));
        // Escalation 3 working days after the due date (6/30 is a Sunday → 7/1, then 7/2, 7/3, 7/4).
        Assert.Equal(D("2024-07-04"), Run(second, "2024-07-01", "2024-07-31").Single(o => o.Stage == "overdue").Send);
    }

    [Fact]
    public void Half_yearly_and_yearly_windows_follow_the_calendar()
    {
        Assert.Equal([D("2024-06-30"), D("2024-12-31")],
            Run(Duty(d => d.Every = "half-year"), "2024-01-01", "2024-12-31").Where(o => o.Stage == "due").Select(o => o.Due));
        Assert.Equal([(DutyOccurrence.Due, D("2024-12-31"), D("2024-11-18"))],
            Run(Duty(d => { d.Every = "year"; d.RemindDaysBefore = 45; }), "2024-01-01", "2024-12-31").Where(o => o.Stage == "due"));
    }

    [Fact]
    public void Given_months_only()
    {
        Assert.Equal([D("2024-05-06"), D("2024-10-08")], // after the May Day and National Day breaks
            Run(Duty(d => { d.Every = "month"; d.Months = [5, 10]; }), "2024-01-01", "2024-12-31").Where(o => o.Stage == "due").Select(o => o.Send));
    }

    [Fact]
    public void Fixed_dates_and_month_ends_carry_their_targets()
    {
        var spending = Duty(d => d.Dates =
        [
            new DutyDate { Date = "04-end", Target = "30%" }, new DutyDate { Date = "06-end", Target = "50%" },
            new DutyDate { Date = "06-20", Target = "核实" },
        ]);
        var june = DutyRules.Occurrences(spending, DateOnly.MinValue, null, D("2024-06-01"), D("2024-06-30"), 3, Workdays, 14)
            .Where(o => o.Stage == "due").Select(o => (o.DueDate, o.SendDay, o.Target)).ToList();
        // 6/20 − 14 = 6/6; 6/30 − 14 = 6/16 (Sunday) → 6/17.
        Assert.Equal([(D("2024-06-20"), D("2024-06-06"), "核实"), (D("2024-06-30"), D("2024-06-17"), "50%")], june);
        Assert.Equal(new DateOnly(2025, 2, 28), new DutyDate { Date = "02-end" }.In(2025));
    }

    [Fact]
    public void Within_months_of_an_event_is_due_that_many_months_later()
    {
        var handover = Duty(d => { d.Role = ""; d.AppliesTo = "project-asset"; d.WithinMonths = 3; });
        var occurrences = Run(handover, "2024-01-01", "2024-12-31", since: D("2024-03-15"));
        Assert.Equal([(DutyOccurrence.Due, D("2024-06-15"), D("2024-06-03")), (DutyOccurrence.Overdue, D("2024-06-15"), D("2024-06-17"))], occurrences);
        Assert.Empty(Run(handover, "2024-01-01", "2024-12-31", lastDone: D("2024-05-01"), since: D("2024-03-15")));
    }

    [Fact]
    public void A_completion_satisfies_its_window_and_moves_the_next_due_date()
    {
        var pv = Duty(d => { d.Every = "month"; d.Times = 2; });
        // Done on 6/5: the first half needs nothing more (no escalation), the second half still reminds.
        var occurrences = Run(pv, "2024-06-01", "2024-06-30", lastDone: D("2024-06-05"));
        Assert.Equal([(DutyOccurrence.Due, D("2024-06-30"), D("2024-06-17"))], occurrences);
        Assert.Equal(D("2024-06-30"), DutyRules.NextDue(pv, D("2024-06-05")));
        Assert.Equal(D("2024-06-30"), DutyRules.CurrentDue(pv, DateOnly.MinValue, D("2024-06-05"), D("2024-06-06")));
        // Never done: an undone window due in the last week (the second half of May) comes first; for a subject
        // imported on 6/1, the first half of June.
        Assert.Equal(D("2024-05-31"), DutyRules.CurrentDue(pv, DateOnly.MinValue, null, D("2024-06-06")));
        Assert.Equal(D("2024-06-15"), DutyRules.CurrentDue(pv, D("2024-06-01"), null, D("2024-06-06")));
    }

    [Fact]
    public void Windows_due_before_the_subject_existed_do_not_count()
    {
        var monthly = Duty(d => d.Every = "month");
        // Imported on 5/20: May's window (due 5/31) counts, April's (due 4/30) does not escalate.
        Assert.DoesNotContain(Run(monthly, "2024-05-01", "2024-05-31", since: D("2024-05-20")), o => o.Stage == "overdue");
        Assert.Contains(Run(monthly, "2024-05-01", "2024-05-31"), o => o.Stage == "overdue" && o.Due == D("2024-04-30"));
    }

    [Fact]
    public void Roster_titles_map_to_the_roles_the_pack_names()
    {
        var duties = Pack("xinfeng-2024").Duties;
        Assert.Equal("驻村干部", duties.RoleFor("驻村第一书记")?.Name);
        Assert.Equal("村干部", duties.RoleFor("村党支部书记")?.Name);
        Assert.Equal("乡镇干部", duties.RoleFor("党委书记")?.Name);
        Assert.Equal("县乡村振兴局", duties.RoleFor("县乡村振兴局副局长")?.Name);
        Assert.Null(duties.RoleFor("会计"));
        Assert.Equal("pv-station", duties.SubjectTypeFor("光伏电站")?.Id);
    }

    [Fact]
    public void A_role_duty_for_an_unknown_role_or_with_two_cadences_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => ReminderPackLoader.Parse("""
            duties:
              roles: [ { name: 村干部, level: village } ]
              items:
                - { id: a, name: 排查, role: 乡干部, every: month, source: x }
                - { id: b, name: 排查, role: 村干部, every: month, dates: [ { date: 06-end } ], source: x }
                - { id: c, name: 排查, role: 村干部, every: week, weekday: 9, source: x }
            """));
        Assert.Contains("role '乡干部'", e.Message);
        Assert.Contains("duty b: give exactly one", e.Message);
        Assert.Contains("duty c: weekday", e.Message);
    }
}
