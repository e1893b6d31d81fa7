using System.Collections.Concurrent;
using System.Globalization;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Time;
using Humanizer;

namespace AssistBot.Scheduler.Texts;

/// <summary>
/// Every reminder the scheduler sends a farmer or cadre, in one place. What the chat commands answer (订阅, 已还款,
/// 我的任务, 已完成 …) is the bot's: <c>AssistBot.Bot.Reminders.Commands.ReminderChatTexts</c>.
/// </summary>
public static class ReminderTexts
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    // The phrase depends only on the number of days; a sweep asks for the same few thousands of times.
    private static readonly ConcurrentDictionary<int, string> RelativeByDays = new();

    /// <summary>"3天后", "明天", "今天", "2天前" — relative to <paramref name="today"/>, via Humanizer zh-CN.</summary>
    public static string Relative(DateOnly date, DateOnly today)
    {
        var days = date.DayNumber - today.DayNumber;
        return Math.Abs(days) <= 1000 ? RelativeByDays.GetOrAdd(days, RelativeDays) : RelativeDays(days);
    }

    private static string RelativeDays(int days)
    {
        if (days == 0) return "今天";
        var today = new DateOnly(2024, 6, 15); // any day: only the difference is humanized
        var date = today.AddDays(days);
        if (Math.Abs(days) == 1)
            return date.ToDateTime(TimeOnly.MinValue)
                .Humanize(utcDate: false, dateToCompareAgainst: today.ToDateTime(TimeOnly.MinValue), culture: Chinese)
                .Replace(" ", "", StringComparison.Ordinal);
        // Count in days ("30天后"), not "1个月后": a due date needs the exact number.
        var span = TimeSpan.FromDays(Math.Abs(days)).Humanize(culture: Chinese, maxUnit: TimeUnit.Day).Replace(" ", "", StringComparison.Ordinal);
        return days > 0 ? span + "后" : span + "前";
    }

    /// <summary>"5万元", "2.5万元", "8000元".</summary>
    public static string Amount(decimal yuan) =>
        yuan >= 10000m
            ? $"{(yuan / 10000m).ToString("0.##", CultureInfo.InvariantCulture)}万元"
            : $"{yuan.ToString("0.##", CultureInfo.InvariantCulture)}元";

    public static string Date(DateOnly date) => ChinaTime.FormatDate(date);

    // ---- loans: borrower ----

    public static string BorrowerPrompt(LoanView loan, DateOnly today) =>
        $"【还款提醒】{loan.BorrowerName}您好：您在{loan.Bank}的小额信贷{Amount(loan.Amount)}，" +
        $"将于{Date(loan.Maturity)}到期（{Relative(loan.Maturity, today)}到期）。请提前备好还款资金，按时还款不影响征信。" +
        $"已经还了请回复“已还款”；有困难请联系帮扶干部{loan.CadreName ?? "村干部"}。";

    /// <summary>Template message fields (first / keyword1..3 / remark) for the same prompt.</summary>
    public static Dictionary<string, string> BorrowerTemplateFields(LoanView loan, DateOnly today) => new()
    {
        ["first"] = $"{loan.BorrowerName}您好，您的小额信贷{Relative(loan.Maturity, today)}到期",
        ["keyword1"] = Amount(loan.Amount),
        ["keyword2"] = Date(loan.Maturity),
        ["keyword3"] = loan.Bank,
        ["remark"] = "请提前备好还款资金；已还款请在公众号回复“已还款”。",
    };

    /// <summary>To the cadre when the borrower cannot be reached on WeChat.</summary>
    public static string BorrowerPromptForCadre(LoanView loan, DateOnly today) =>
        $"【请电话转告】借款人{loan.BorrowerName}（{loan.Village}{(loan.PhoneMasked.Length > 0 ? "，" + loan.PhoneMasked : "")}）暂时无法通过微信联系：" +
        $"其在{loan.Bank}的小额信贷{Amount(loan.Amount)}（{loan.LoanNumber}）将于{Date(loan.Maturity)}到期（{Relative(loan.Maturity, today)}）。" +
        $"请电话提醒按时还款；还款后回复“确认还款 {loan.LoanNumber}”。";

    // ---- loans: cadres ----

    public static string DueList(string cadreName, IReadOnlyList<LoanView> loans, DateOnly today, LoanReminderSettings settings)
    {
        var lines = loans.Select((l, i) =>
            $"{i + 1}. {l.BorrowerName}（{l.Village}）{Amount(l.Amount)} {l.Bank} {ChinaTime.FormatShortDate(l.Maturity)}到期（{Relative(l.Maturity, today)}）{(l.Repayment == RepaymentState.Reported ? " 已报告还款待确认" : "")} 编号{l.LoanNumber}");
        return $"【本月到期贷款】{cadreName}您好，您联系的借款人中有{loans.Count}笔小额信贷在{settings.DueListHorizonDays}天内到期：\n" +
               string.Join('\n', lines) +
               $"\n请逐户提醒按时还款；还款后回复“确认还款 贷款编号”。依据：{settings.Source}";
    }

    public static string Overdue(LoanView loan, int daysAfter) =>
        loan.Repayment == RepaymentState.Reported
            ? $"【还款待确认】{loan.BorrowerName}（{loan.Village}）的小额信贷{Amount(loan.Amount)}（{loan.Bank}，编号{loan.LoanNumber}）" +
              $"已于{Date(loan.Maturity)}到期，借款人报告已还款，请向银行核实后回复“确认还款 {loan.LoanNumber}”。"
            : $"【贷款逾期】{loan.BorrowerName}（{loan.Village}{(loan.PhoneMasked.Length > 0 ? "，" + loan.PhoneMasked : "")}）的小额信贷{Amount(loan.Amount)}（{loan.Bank}，编号{loan.LoanNumber}）" +
              $"已于{Date(loan.Maturity)}到期，逾期{daysAfter}天仍未登记还款。请尽快上门了解情况、协助还款，避免影响征信；" +
              $"已还款的请回复“确认还款 {loan.LoanNumber}”。";

    public static string OverdueForBank(LoanView loan, int daysAfter) =>
        $"【贷款逾期】{loan.Township}{loan.Village} {loan.BorrowerName} 的小额信贷{Amount(loan.Amount)}（编号{loan.LoanNumber}）" +
        $"已于{Date(loan.Maturity)}到期，逾期{daysAfter}天未登记还款，已同时告知帮扶责任人{loan.CadreName ?? ""}。";

    public static string Supervision(LoanReminderSettings settings) =>
        "【贷后监管】您好，本月请会同合作银行对您联系的脱贫人口小额信贷开展贷后监管，" +
        $"核实贷款资金是否用于发展生产。依据：{settings.SupervisionSource}";

    // ---- duties ----

    /// <summary>The duty's name with its slot (第1次，共2次) and, for a deadline, the figure to reach.</summary>
    public static string DutyTitle(DutyCadence duty, DutyOccurrence occurrence) =>
        duty.Name + (occurrence.Slots > 1 ? $"（第{occurrence.Slot}次，共{occurrence.Slots}次）" : "") +
        (occurrence.Target is { Length: > 0 } target ? $"（目标：{target}）" : "");

    private static string DueWhen(DutyOccurrence occurrence)
    {
        var due = occurrence.DueDate;
        var today = occurrence.SendDay;
        return due < today ? $"已于{Date(due)}到期"
            : occurrence.Opens < due && occurrence.Slots > 0 ? $"须在{Date(due)}前完成{(due == today ? "（今天）" : $"（{Relative(due, today)}）")}"
            : $"将于{Date(due)}到期{(due == today ? "（今天）" : "")}";
    }

    public static string DutyDue(DutyCadence duty, DutySubject subject, DutyOccurrence occurrence) =>
        $"【走访提醒】{subject.CadreName ?? ""}您好：{subject.Label}（编号{subject.SubjectId}）的“{DutyTitle(duty, occurrence)}”" +
        $"{DueWhen(occurrence)}。完成后请回复“已完成 {subject.SubjectId}”（可加备注）。依据：{duty.Source}";

    public static string DutyOverdue(DutyCadence duty, DutySubject subject, DutyOccurrence occurrence) =>
        $"【走访逾期】{subject.Township} {subject.CadreName ?? "帮扶责任人未明确"}负责的{subject.Label}（编号{subject.SubjectId}）" +
        $"“{DutyTitle(duty, occurrence)}”已于{Date(occurrence.DueDate)}到期，到今天仍未登记完成，请督促落实。依据：{duty.Source}";

    public static string RoleDutyDue(DutyCadence duty, DutySubject unit, CadreContact holder, DutyOccurrence occurrence) =>
        $"【工作提醒】{holder.Name}您好：{unit.Label}的“{DutyTitle(duty, occurrence)}”{DueWhen(occurrence)}。" +
        $"完成后请回复“已完成 {duty.Id}”（可加备注）。依据：{duty.Source}";

    public static string RoleDutyOverdue(DutyCadence duty, DutySubject unit, IReadOnlyList<CadreContact> holders, DutyOccurrence occurrence) =>
        $"【工作逾期】{unit.Label}（{string.Join("、", holders.Select(h => h.Name))}）的“{DutyTitle(duty, occurrence)}”" +
        $"已于{Date(occurrence.DueDate)}到期，到今天仍未登记完成，请督促落实。依据：{duty.Source}";

    // ---- deadlines from other parts (self-declaration steps …) ----

    public static string DeadlineDue(Deadline deadline, DateOnly today) =>
        $"【办理时限】{deadline.Title}（编号{deadline.SubjectId}）须在{Date(deadline.DueDate)}前办结（{Relative(deadline.DueDate, today)}）。" +
        $"依据：{deadline.Source}";

    public static string DeadlineOverdue(Deadline deadline) =>
        $"【超过时限】{deadline.Township} {deadline.Title}（编号{deadline.SubjectId}）应于{Date(deadline.DueDate)}前办结，至今未办结，请督促。" +
        $"依据：{deadline.Source}";

    // ---- windows ----

    public static string WindowOpening(ApplicationWindow window) =>
        $"【申请提醒】{window.Name}今天开始，{Date(window.ClosesOn)}截止。对象：{window.Who}。办理：{window.How}。" +
        $"依据：{window.Source}。回复“退订”不再接收此类提醒。";

    public static string WindowClosing(ApplicationWindow window, DateOnly today) =>
        $"【截止提醒】{window.Name}将于{Date(window.ClosesOn)}截止（{Relative(window.ClosesOn, today)}）。对象：{window.Who}。" +
        $"办理：{window.How}。依据：{window.Source}。回复“退订”不再接收此类提醒。";

    public static Dictionary<string, string> WindowTemplateFields(ApplicationWindow window, DateOnly today, bool closing) => new()
    {
        ["first"] = closing ? $"{window.Name}{Relative(window.ClosesOn, today)}截止" : $"{window.Name}今天开始",
        ["keyword1"] = window.Name,
        ["keyword2"] = $"{Date(window.OpensOn)}至{Date(window.ClosesOn)}",
        ["remark"] = window.How,
    };
}
