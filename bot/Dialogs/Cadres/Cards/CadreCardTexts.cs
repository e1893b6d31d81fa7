using AssistBot.Bot.Cases;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>Everything a cadre reads on a WeCom task card and in the replies to a click, in one place.</summary>
public static class CadreCardTexts
{
    public const string Source = "帮扶助手";

    public static string Button(string action) => action switch
    {
        CadreCardKey.Accept => "受理",
        CadreCardKey.Transfer => "转交",
        CadreCardKey.VerifiedTrue => "属实",
        CadreCardKey.VerifiedFalse => "不属实",
        CadreCardKey.Include => "纳入",
        CadreCardKey.Reject => "不纳入",
        CadreCardKey.Visited => "已走访",
        CadreCardKey.Later => "改期",
        CadreCardKey.Repaid => "确认还款",
        _ => "办理",
    };

    /// <summary>The greyed button after a click: "已受理 · 张三 5月15日 10:32".</summary>
    public static string Done(string action, string cadreName, DateTimeOffset at) =>
        $"{Past(action)} · {cadreName} {at.ToChina():M月d日 HH:mm}";

    public static string Past(string action) => action switch
    {
        CadreCardKey.Accept => "已受理",
        CadreCardKey.Transfer => "已转交",
        CadreCardKey.VerifiedTrue => "已核实属实",
        CadreCardKey.VerifiedFalse => "已核实不属实",
        CadreCardKey.Include => "已纳入",
        CadreCardKey.Reject => "不纳入",
        CadreCardKey.Visited => "已走访",
        CadreCardKey.Later => "已改期",
        CadreCardKey.Repaid => "已确认还款",
        _ => "已办理",
    };

    public static string Digest(int count) => $"您有{count}项待办";

    public static string DigestMore(int more) => $"还有{more}项，回复“清单”查看全部（带序号）。";

    public const string DigestDesc = "点按钮直接办理，或回复命令";

    public static string KindTitle(string kind) => kind switch
    {
        DeclarationNotifier.NewDeclarationKind => "新的农户申报",
        CadreCards.DeclarationStepKind => "申报下一步",
        "duty" => "走访和工作提醒",
        "duty-overdue" => "工作逾期",
        CadreCards.RepaymentReportKind => "农户报告已还款",
        "loan-due-list" => "到期还款名单",
        _ => "工作提醒",
    };

    public static string KindLabel(string kind) => kind switch
    {
        DeclarationNotifier.NewDeclarationKind or CadreCards.DeclarationStepKind => "申报",
        "duty" => "走访",
        "duty-overdue" => "逾期",
        CadreCards.RepaymentReportKind => "还款",
        _ => "提醒",
    };

    // ---- replies to a click ----

    public static string Stale(string what) => $"这张卡片的事项已经办过了：{what}。不用再点。";

    public const string NotYours = "这件事不在您负责的范围内，不能在这张卡片上办理。如需办理，请联系负责的干部或乡镇。";

    public const string UnknownCard = "这张卡片已经失效了。请回复“待办”或“我的任务”查看现在要办的事。";

    public static string AskReason(string declarationId) =>
        $"请直接回复不纳入 {declarationId} 的原因（一句话即可），比如：收入稳定且无刚性支出。";

    public static string AskTransfer(string shortId) => $"请回复：转交 {shortId} 企业微信账号，比如：转交 {shortId} wangwu";

    public static string Later(DateOnly day) => $"好的，改到{day:M月d日}再提醒您。";

    public static string LaterReminder(string text) => "【改期提醒】" + text;

    public const string DigestEmpty = "现在没有要看的清单。回复“我的任务”看近7天的走访和工作任务，回复“待办”看申报。";

    public static string DigestList(IReadOnlyList<CadreDigestLine> lines) =>
        $"待办清单（{lines.Count}项）：\n" + string.Join('\n', lines.Select((l, i) =>
            $"{i + 1}. {l.Text}" + (l.Command is { Length: > 0 } c ? $" → 回复“{c}”" : "")));
}
