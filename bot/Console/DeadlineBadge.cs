using AssistBot.Bot.Cases;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// Days left to a declaration's next deadline, counted in China calendar days: amber (临近) within the warning days,
/// red (已超期) after it; the label says it in words so colour is never the only sign.
/// </summary>
public sealed record DeadlineBadge(DeadlineLevel Level, string Label)
{
    public string CssClass => Level switch
    {
        DeadlineLevel.Near => "due due-near",
        DeadlineLevel.Overdue => "due due-overdue",
        DeadlineLevel.Ok => "due due-ok",
        _ => "due",
    };

    public static DeadlineBadge For(Declaration d, DateTimeOffset now, int warnDays)
    {
        if (!d.IsOpen && d.Status != DeclarationStatus.Included || d.NextStepDue is not { } due) return new(DeadlineLevel.None, "无期限");
        var days = ChinaTime.DateOf(due).DayNumber - ChinaTime.DateOf(now).DayNumber;
        if (due < now) return new(DeadlineLevel.Overdue, days >= 0 ? "已超期" : $"已超期 {-days} 天");
        if (days == 0) return new(DeadlineLevel.Near, "临近：今天到期");
        return days <= warnDays ? new(DeadlineLevel.Near, $"临近：剩 {days} 天") : new(DeadlineLevel.Ok, $"剩 {days} 天");
    }
}
