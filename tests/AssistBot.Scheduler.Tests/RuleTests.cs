using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;
using static AssistBot.Scheduler.Tests.TestData;

namespace AssistBot.Scheduler.Tests;

public sealed class LoanRuleTests
{
    [Fact]
    public void Borrower_prompts_fall_on_the_exact_day_even_on_a_holiday() =>
        Assert.Equal(D("2024-05-10"), LoanRules.MaturityForBorrowerPrompt(D("2024-05-03"), 7));

    [Fact]
    public void Escalations_due_over_the_may_day_break_land_on_the_first_working_day_after_it()
    {
        // 5/1–5/5 2024 is a holiday; 4/30 is the last working day before it.
        Assert.Equal((D("2024-04-30"), D("2024-05-05")), LoanRules.MaturitiesForEscalation(D("2024-05-06"), 1, Workdays));
        Assert.Null(LoanRules.MaturitiesForEscalation(D("2024-05-03"), 1, Workdays));
        Assert.Equal(D("2024-05-06"), LoanRules.EscalationDay(D("2024-04-30"), 1, Workdays));
        Assert.Equal(D("2024-04-30"), LoanRules.EscalationDay(D("2024-04-29"), 1, Workdays));
        // Saturday 5/11 is a 调休 working day, so nothing waits for Monday.
        Assert.Equal((D("2024-05-10"), D("2024-05-10")), LoanRules.MaturitiesForEscalation(D("2024-05-11"), 1, Workdays));
    }

    [Fact]
    public void Due_list_goes_out_on_the_first_working_day_of_the_month()
    {
        Assert.True(LoanRules.IsDueListDay(D("2024-05-06"), Workdays));
        Assert.False(LoanRules.IsDueListDay(D("2024-05-01"), Workdays));
        Assert.True(LoanRules.IsSupervisionDay(D("2024-06-03"), [6, 12], Workdays));
        Assert.False(LoanRules.IsSupervisionDay(D("2024-07-01"), [6, 12], Workdays));
    }
}

public sealed class DutyRuleTests
{
    private static DutyCadence Cadence(string? every, int times = 1, int? within = null) =>
        new() { Id = "d", Name = "走访", AppliesTo = "monitoring", Every = every, Times = times, WithinDays = within, Source = "x",
            Anchor = DutyCadence.LastDoneAnchor };

    [Fact]
    public void Four_visits_a_month_fall_due_every_seven_days_from_the_last_visit()
    {
        var cadence = Cadence("month", 4);
        var due = DutyRules.Occurrences(cadence, D("2024-01-01"), D("2024-06-03"), D("2024-06-01"), D("2024-06-30"), 3, Workdays)
            .Where(o => o.Stage == DutyOccurrence.Due).Select(o => o.DueDate).ToList();
        Assert.Equal([D("2024-06-10"), D("2024-06-17"), D("2024-06-24")], due);
    }

    [Fact]
    public void A_duty_falling_due_on_a_holiday_reaches_the_cadre_on_the_next_working_day()
    {
        // Quarterly from 2024-02-01 → due 2024-05-01 (劳动节) → told on 2024-05-06.
        var occurrence = Assert.Single(DutyRules.Occurrences(Cadence("quarter"), D("2024-02-01"), null, D("2024-05-01"), D("2024-05-06"),
            3, Workdays));
        Assert.Equal((DutyOccurrence.Due, D("2024-05-01"), D("2024-05-06")), (occurrence.Stage, occurrence.DueDate, occurrence.SendDay));
    }

    [Fact]
    public void An_undone_duty_escalates_after_the_grace_in_working_days()
    {
        var overdue = DutyRules.Occurrences(Cadence("quarter"), D("2024-02-01"), null, D("2024-05-01"), D("2024-05-31"), 3, Workdays)
            .Single(o => o.Stage == DutyOccurrence.Overdue);
        Assert.Equal(D("2024-05-09"), overdue.SendDay); // 5/6 + 3 working days
    }

    [Fact]
    public void A_visit_re_anchors_the_cadence()
    {
        Assert.Empty(DutyRules.Occurrences(Cadence("quarter"), D("2024-02-01"), D("2024-04-20"), D("2024-05-01"), D("2024-05-31"), 3, Workdays));
        Assert.Equal(D("2024-07-20"), DutyRules.NextDue(Cadence("quarter"), D("2024-04-20")));
    }

    [Fact]
    public void One_off_duty_reminds_before_its_deadline_and_escalates_after_it_unless_done()
    {
        var cadence = Cadence(null, within: 5);
        var occurrences = DutyRules.Occurrences(cadence, D("2024-06-03"), null, D("2024-06-01"), D("2024-06-30"), 3, Workdays).ToList();
        Assert.Equal([(DutyOccurrence.Due, D("2024-06-06")), (DutyOccurrence.Overdue, D("2024-06-11"))],
            occurrences.Select(o => (o.Stage, o.SendDay)));
        // 6/9 is a Sunday, 6/10 端午 → escalation on 6/11.
        Assert.Empty(DutyRules.Occurrences(cadence, D("2024-06-03"), D("2024-06-05"), D("2024-06-01"), D("2024-06-30"), 3, Workdays));
    }
}

public sealed class WindowAndTextTests
{
    [Fact]
    public void Window_notices_on_opening_and_three_days_before_closing()
    {
        var window = Pack("xinfeng-2024").Windows.Single(w => w.Id == "yijiangdaibu-1");
        Assert.Equal([("open", D("2024-05-11")), ("closing", D("2024-05-28"))],
            WindowRules.Occurrences(window, D("2024-05-01"), D("2024-05-31")));
    }

    [Theory]
    [InlineData("2024-05-31", "2024-05-28", "3天后")]
    [InlineData("2024-05-31", "2024-05-30", "明天")]
    [InlineData("2024-05-31", "2024-05-31", "今天")]
    public void Relative_dates_read_naturally_in_chinese(string date, string today, string expected) =>
        Assert.Equal(expected, ReminderTexts.Relative(D(date), D(today)));

    [Theory]
    [InlineData(50000, "5万元")]
    [InlineData(25000, "2.5万元")]
    [InlineData(8000, "8000元")]
    public void Amounts_are_written_in_wan_yuan(int yuan, string expected) => Assert.Equal(expected, ReminderTexts.Amount(yuan));

    [Fact]
    public void Both_county_packs_load_with_sources_for_every_duty_and_window()
    {
        var xinfeng = Pack("xinfeng-2024");
        var yuzhou = Pack("yuzhou-2023");
        Assert.Equal([30, 7, 1], xinfeng.Loans.BorrowerStagesDays);
        Assert.Contains(xinfeng.Duties.Items, d => d.Id == "pv-maintenance" && d.Every == "month" && d.Times == 2 && d.AppliesTo == "pv-station");
        Assert.Contains(yuzhou.Duties.Items, d => d.Id == "field-visit" && d.Times == 4);
        Assert.Contains(yuzhou.Duties.Items, d => d.Id == "assign-responsible" && d.WithinDays == 5 && d.Recipient == "township-lead");
        Assert.All(xinfeng.Duties.Items.Concat(yuzhou.Duties.Items), d => Assert.Contains("《工作要点》", d.Source));
    }

    [Fact]
    public void A_pack_with_a_duty_lacking_its_source_is_rejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => ReminderPackLoader.Parse("""
            duties:
              items:
                - id: x
                  name: 走访
                  appliesTo: monitoring
                  every: fortnight
            """));
        Assert.Contains("source", e.Message);
        Assert.Contains("fortnight", e.Message);
    }
}
