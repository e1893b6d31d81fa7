using System.Collections.Concurrent;
using System.Globalization;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Time;
using Humanizer;

namespace AssistBot.Scheduler.Texts;

/// <summary>Every reminder a farmer or cadre reads, in one place.</summary>
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

    private static string Date(DateOnly date) => ChinaTime.FormatDate(date);

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

    /// <summary>A cadre's list of what is due; "已完成 序号" records a line.</summary>
    public static string DutyList(IReadOnlyList<(DutyCadence Duty, DutySubject Subject, DateOnly Due)> items, int total) =>
        $"您近7天到期（含已逾期）的走访和工作任务{total}项：\n" +
        string.Join('\n', items.Select((x, i) =>
            $"序号{i + 1}：{(x.Duty.IsRoleDuty ? "" : x.Subject.SubjectId + " ")}{x.Subject.Label} {x.Duty.Name} {ChinaTime.FormatShortDate(x.Due)}到期")) +
        (total > items.Count ? $"\n（只列出前{items.Count}项）" : "") +
        "\n完成后回复“已完成 序号”或“已完成 编号 备注”登记。";

    public static string NoSuchListNumber(int index) => $"清单里没有序号{index}。请先回复“我的任务”查看清单，再回复“已完成 序号”。";

    public static string DutyRecorded(string subjectId, IReadOnlyList<(string Name, DateOnly? Next)> duties) =>
        $"已登记：{subjectId} " + string.Join("；", duties.Select(d =>
            d.Next is { } next ? $"{d.Name}，下次{ChinaTime.FormatDate(next)}前" : $"{d.Name}已完成")) + "。";

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

    // ---- commands ----

    public const string Subscribed = "已订阅：补助申请开始和截止前3天，我们会在公众号提醒您。回复“退订”可取消。";
    public const string Unsubscribed = "已退订补助申请提醒。想再收到时回复“订阅”。";
    public const string SubscribeNeedsBinding = "订阅前请先绑定您的户信息：回复“绑定”，按提示操作。";
    public const string RepaymentReported = "收到，已记下您报告的还款，帮扶干部核实后会确认。谢谢！";
    public const string RepaymentNoLoan = "没有找到您名下待还的小额信贷。如果还没绑定，请回复“绑定”；有疑问请联系村干部。";
    public const string RepaymentConfirmUsage = "请回复“确认还款 贷款编号”，例如：确认还款 XF2024001。";
    public static string RepaymentConfirmed(string loanNumber, string borrower) => $"已确认还款：{borrower} 的贷款 {loanNumber}，不再发送到期和逾期提醒。";
    public static string RepaymentReportedToCadre(string loanNumber, string borrowerMasked) =>
        $"借款人{borrowerMasked}在公众号里说贷款 {loanNumber} 已还清。请与承贷银行核实后回复“确认还款 {loanNumber}”（或点卡片上的“确认还款”）。";
    public static string LoanNotFound(string loanNumber) => $"没有找到贷款编号 {loanNumber}，请核对后再发。";
    public const string CadreOnly = "这个命令请干部在企业微信里使用。";
    public const string SubscribeOnWeChat = "补助申请提醒通过公众号发送：请在公众号里回复“订阅”。";
    public const string NoDutiesDue = "您近7天没有到期的走访和工作任务。";
    public const string UnsubscribeOnWeChat = "补助申请提醒是在公众号里订阅的：要退订，请在公众号里回复“退订”。";
    public const string LoanOnWeChat = "您的小额信贷信息只能在本县的微信公众号里查看：请在公众号里回复“贷款”（第一次要先回复“绑定”）。";
    public static string NothingToRecord(string subjectId) => $"编号 {subjectId} 目前没有需要登记的走访任务。";

    public static string LoanSummary(IReadOnlyList<LoanView> loans, DateOnly today) =>
        "您的小额信贷：\n" + string.Join('\n', loans.Select(l =>
            $"· {l.Bank} {Amount(l.Amount)}，{Date(l.Maturity)}到期（{Relative(l.Maturity, today)}）" +
            (l.Repayment == RepaymentState.Reported ? "，已报告还款，待干部确认" : ""))) +
        "\n已经还了请回复“已还款”；有困难请联系帮扶干部或村干部。";

    public const string VisitUsage = "请回复“已完成 编号 备注”，例如：已完成 H001 家中无异常。也可以先回复“我的任务”查看清单，再回复“已完成 序号”。";
    public static string NotYourRoleDuty(string dutyName, string role) =>
        $"“{dutyName}”是{role}的工作，名单上您不是{role}，没有登记。如有变动，请联系县里更新干部名单。";
    public static string SubjectNotFound(string subjectId) => $"没有找到编号 {subjectId} 的走访对象，请核对后再发。";
}
