using AssistBot.Bot.Cases;
using AssistBot.Bot.Knowledge.Review;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.StaffConsole.Pages;

/// <summary>概览: open/near/overdue counts and four small server-drawn charts.</summary>
public sealed class IndexModel(DeclarationQueue queue, ReminderReport reminders, AskedTopics topics, MissedQuestionStore missed,
    TimeProvider time, IOptions<ConsoleOptions> options) : ConsolePageModel
{
    public static readonly string[] StatusSeries = ["待受理", "办理中", "已纳入", "不纳入"];

    public int Open { get; private set; }
    public int Near { get; private set; }
    public int Overdue { get; private set; }
    public string DeclarationsChart { get; private set; } = "";
    public string RemindersChart { get; private set; } = "";
    public string TopicsChart { get; private set; } = "";
    public string MissedChart { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var now = time.GetUtcNow();
        var today = time.Today();
        var thisMonday = AskedTopics.MondayOf(today);
        var firstMonday = thisMonday.AddDays(-7 * 7);
        var all = await queue.ListAsync(Staff, new DeclarationFilter { Status = "all", From = firstMonday, To = today }, ct).ConfigureAwait(false);
        var open = all.Where(d => d.IsOpen).ToList();
        Open = open.Count;
        Near = open.Count(d => DeadlineBadge.For(d, now, options.Value.WarnDays).Level == DeadlineLevel.Near);
        Overdue = open.Count(d => DeadlineBadge.For(d, now, options.Value.WarnDays).Level == DeadlineLevel.Overdue);

        var weeks = Enumerable.Range(0, 8).Select(i => firstMonday.AddDays(7 * i)).ToList();
        DeclarationsChart = SvgCharts.HorizontalBars("chart-declarations", "近 8 周的申报", StatusSeries, weeks.Select(monday =>
        {
            var inWeek = all.Where(d => AskedTopics.WeekOf(d.SubmittedAt) == monday).ToList();
            return new ChartBar($"{monday:M月d日}起", [
                inWeek.Count(d => d.Status == DeclarationStatus.Submitted),
                inWeek.Count(d => d.Status is DeclarationStatus.Accepted or DeclarationStatus.Verified),
                inWeek.Count(d => d.Status == DeclarationStatus.Included),
                inWeek.Count(d => d.Status == DeclarationStatus.NotIncluded)]);
        }).ToList());

        var days = Enumerable.Range(0, 14).Select(i => today.AddDays(i - 13)).ToList();
        var from = new DateTimeOffset(days[0].ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var sentAndFailed = await reminders.DailyAsync(Staff, from, days.Count, ct).ConfigureAwait(false);
        RemindersChart = SvgCharts.HorizontalBars("chart-reminders", "近 14 天的提醒", ["送达", "失败"],
            days.Select((d, i) => new ChartBar($"{d:M月d日}", [sentAndFailed[i].Sent, sentAndFailed[i].Failed])).ToList());

        if (Staff.Role == StaffRole.County)
        {
            TopicsChart = SvgCharts.HorizontalBars("chart-topics", "本周问得最多的政策", ["次数"],
                (await topics.TopAsync(Staff.CountyId, today, 8, ct).ConfigureAwait(false)).Select(t => new ChartBar(t.Topic, [t.Count])).ToList());
            var weekStart = new DateTimeOffset(thisMonday.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
            var groups = MissedQuestionGroup.Group(await missed.ListAsync(Staff.CountyId, weekStart, now.AddMinutes(1), 1000, ct).ConfigureAwait(false));
            MissedChart = SvgCharts.HorizontalBars("chart-missed", "本周没答上最多的问题", ["次数"],
                groups.Where(g => !g.Handled).Take(8).Select(g => new ChartBar(g.Lead.Text, [g.Count])).ToList());
        }
    }
}
