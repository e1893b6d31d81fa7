using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>
/// What the reminder chat commands answer (订阅/退订, 已还款/确认还款, 贷款, 我的任务, 已完成 …), in one place. The
/// reminders themselves (what the scheduler sends) stay in <see cref="ReminderTexts"/>; the scheduler knows nothing of chat.
/// </summary>
public static class ReminderChatTexts
{
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
            $"· {l.Bank} {ReminderTexts.Amount(l.Amount)}，{ReminderTexts.Date(l.Maturity)}到期（{ReminderTexts.Relative(l.Maturity, today)}）" +
            (l.Repayment == RepaymentState.Reported ? "，已报告还款，待干部确认" : ""))) +
        "\n已经还了请回复“已还款”；有困难请联系帮扶干部或村干部。";

    public const string VisitUsage = "请回复“已完成 编号 备注”，例如：已完成 H001 家中无异常。也可以先回复“我的任务”查看清单，再回复“已完成 序号”。";

    public static string NotYourRoleDuty(string dutyName, string role) =>
        $"“{dutyName}”是{role}的工作，名单上您不是{role}，没有登记。如有变动，请联系县里更新干部名单。";

    public static string SubjectNotFound(string subjectId) => $"没有找到编号 {subjectId} 的走访对象，请核对后再发。";
}
