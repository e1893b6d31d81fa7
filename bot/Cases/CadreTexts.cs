using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Cases;

/// <summary>Everything a cadre reads on WeCom about declarations. Personal data masked; 情况说明 only to cadres of the area.</summary>
public static class CadreTexts
{
    // Numbered menu (SuggestedActions). The command words double as the labels.
    public const string Pending = "待办";
    public const string Details = "详情";
    public const string Accept = "受理";
    public const string Verify = "核实";
    public const string Include = "纳入";
    public const string Reject = "不纳入";
    public const string Transfer = "转交";
    public const string Help = "帮助";

    public static IReadOnlyList<string> Menu { get; } = [Pending, Details, Accept, Verify, Include, Reject, Transfer, Help];

    public const string UnknownUser =
        "您好，您的企业微信账号还没有登记在本县的帮扶干部名单里，暂时不能查看或办理申报。请联系县乡村振兴部门把您加入名单。";

    public static string Welcome(Cadre c) => $"{c.Name}您好（{c.AreaLabel}）。请选择要做的事，或直接发命令，比如\"待办\"。";

    public const string Usage =
        "可用命令：\n" +
        "待办 —— 本辖区待办申报\n" +
        "详情 编号\n" +
        "受理 编号\n" +
        "核实 编号 属实（或 不属实）[备注]\n" +
        "纳入 编号\n" +
        "不纳入 编号 原因\n" +
        "转交 编号 企业微信账号\n" +
        "编号可以只写最后几位，比如：受理 0007。\n" +
        "提醒相关：我的任务 —— 近7天到期的走访和工作任务；已完成 编号（或清单序号）[备注]；确认还款 贷款编号。";

    public static string AskFor(string command) => command switch
    {
        Details => "请发：详情 编号，比如：详情 0007",
        Accept => "请发：受理 编号，比如：受理 0007",
        Verify => "请发：核实 编号 属实（或 不属实）备注，比如：核实 0007 属实",
        Include => "请发：纳入 编号，比如：纳入 0007",
        Reject => "请发：不纳入 编号 原因，比如：不纳入 0007 收入稳定且无刚性支出",
        Transfer => "请发：转交 编号 企业微信账号，比如：转交 0007 wangwu",
        _ => Usage,
    };

    public const string NoPending = "您负责的范围内现在没有待办申报。";

    public static string PendingList(IReadOnlyList<Declaration> list, DateTimeOffset now)
    {
        var lines = list.Take(20).Select(d =>
            $"· {d.Id} {d.Township}{d.Village} {MaskName(d.HeadName)}（{d.HouseholdSize}人，{string.Join("、", d.Hardships.Select(h => h.Label()))}）\n" +
            $"  {StatusLabel(d)}{Due(d, now)}");
        var more = list.Count > 20 ? $"\n……共{list.Count}件，只列出最早的20件。" : "";
        return $"待办申报（{list.Count}件）：\n{string.Join("\n", lines)}{more}\n发\"详情 编号\"查看。";
    }

    public static string Detail(Declaration d, string? idNumber, string? phone, DateTimeOffset now) =>
        $"申报 {d.Id}\n" +
        $"户主：{d.HeadName}（{d.HouseholdSize}人）\n" +
        $"身份证号：{(idNumber is null ? "未提供，请入户时登记" : PersonalDataMask.IdNumber(idNumber))}\n" +
        $"电话：{PersonalDataMask.Phone(phone)}\n" +
        $"住址：{d.Township} {d.Village}\n" +
        $"困难类型：{string.Join("、", d.Hardships.Select(h => h.Label()))}\n" +
        $"情况说明：{PersonalDataMask.Text(d.Description)}\n" +
        $"每人年收入：{(d.EstimatedIncomePerCapita is { } i ? $"约{i:0}元（农户自报）" : "未填")}\n" +
        $"状态：{StatusLabel(d)}{Due(d, now)}\n" +
        (d.AssignedCadre is null ? "" : $"转交给：{d.AssignedCadre}\n") +
        $"记录：\n{string.Join("\n", d.History.Select(e => $"  {ChinaTime.Display(e.At)} {ActionLabel(e.Action)} {Actor(e.Actor)}{(string.IsNullOrEmpty(e.Note) ? "" : "：" + PersonalDataMask.Text(e.Note))}"))}\n" +
        $"下一步可发：{NextCommands(d)}";

    public static string Done(Declaration d, DeclarationAction action, DateTimeOffset now, int? publicityMinDays) => action switch
    {
        DeclarationAction.Accept => $"已受理 {d.Id}，已通知农户。请尽快入户核实，并请农户签承诺授权书{Due(d, now)}。核实后发：核实 {ShortId(d)} 属实（或 不属实）",
        DeclarationAction.Verify when d.VerifiedTrue == true =>
            $"已记录 {d.Id} 核实属实，已通知农户。请组织民主评议并在村内公示{(publicityMinDays is { } days ? $"（不少于{days}天）" : "")}，公示不得公开身份证号、电话和健康情况；乡镇审核、县级确认后发：纳入 {ShortId(d)}",
        DeclarationAction.Verify => $"已记录 {d.Id} 核实不属实，已通知农户。如确定不纳入，请发：不纳入 {ShortId(d)} 原因",
        DeclarationAction.Include => $"已记录 {d.Id} 纳入监测，已通知农户。{(d.NextStep is null ? "" : "下一步：" + d.NextStep + Due(d, now))}",
        DeclarationAction.Reject => $"已记录 {d.Id} 不纳入，原因已告知农户。",
        DeclarationAction.Transfer => $"已把 {d.Id} 转交给 {d.AssignedCadre}，已通知对方和农户。",
        _ => "已记录。",
    };

    public static string NotFound(string reference) => $"没有找到编号 {reference} 的申报，或它不在您负责的范围内。发\"待办\"看看本辖区的申报。";

    public static string Ambiguous(string reference, IEnumerable<string> ids) => $"编号 {reference} 对应多件申报：{string.Join("、", ids)}。请写完整编号。";

    public static string Refused(Declaration d, WorkflowRefusal refusal) => refusal switch
    {
        WorkflowRefusal.Closed => $"{d.Id} 已经办结（{StatusLabel(d)}），不能再改。",
        WorkflowRefusal.NotVerifiedTrue => $"{d.Id} 核实结果是不属实，不能纳入。如需重新核实，请联系乡镇。",
        WorkflowRefusal.ReasonRequired => $"不纳入要写明原因，比如：不纳入 {ShortId(d)} 收入稳定且无刚性支出",
        WorkflowRefusal.TargetRequired => $"请写要转交的企业微信账号，比如：转交 {ShortId(d)} wangwu",
        _ => $"{d.Id} 现在是\"{StatusLabel(d)}\"，这一步还不能做。下一步可发：{NextCommands(d)}",
    };

    public const string VerifyNeedsResult = "请写明核实结果：属实 或 不属实，比如：核实 0007 属实";

    public static string UnknownTransferTarget(string account) => $"名单里没有企业微信账号 {account}，请核对后再发。";

    public static string TransferOutsideArea(Declaration d, Cadre target) =>
        $"不能转交给{target.Name}（{target.UserId}）：他负责的是{target.AreaLabel}，不包括{d.Township}{d.Village}。请转给负责这个村的干部。";

    public static string NewDeclaration(Declaration d) =>
        $"新的农户自主申报 {d.Id}：{d.Township}{d.Village} {MaskName(d.HeadName)}（{d.HouseholdSize}人），困难：{string.Join("、", d.Hardships.Select(h => h.Label()))}。" +
        $"请发\"详情 {ShortId(d)}\"查看，\"受理 {ShortId(d)}\"受理。";

    public static string TransferredToYou(Declaration d, string fromName) =>
        $"{fromName}把申报 {d.Id}（{d.Township}{d.Village}）转交给您办理。请发\"详情 {ShortId(d)}\"查看。";

    public static string StatusLabel(Declaration d) => d.Status switch
    {
        DeclarationStatus.Submitted => "待受理",
        DeclarationStatus.Accepted => "已受理，待核实",
        DeclarationStatus.Verified => d.VerifiedTrue == true ? "核实属实，待评议公示和审核" : "核实不属实",
        DeclarationStatus.Included => "已纳入",
        _ => "不纳入",
    };

    private static string NextCommands(Declaration d) => d.Status switch
    {
        DeclarationStatus.Submitted => $"受理 {ShortId(d)}",
        DeclarationStatus.Accepted => $"核实 {ShortId(d)} 属实 / 不属实；不纳入 {ShortId(d)} 原因",
        DeclarationStatus.Verified when d.VerifiedTrue == true => $"纳入 {ShortId(d)}；不纳入 {ShortId(d)} 原因",
        DeclarationStatus.Verified => $"不纳入 {ShortId(d)} 原因",
        _ => "（已办结）",
    };

    private static string ActionLabel(DeclarationAction a) => a switch
    {
        DeclarationAction.Submit => "农户提交",
        DeclarationAction.Accept => "受理",
        DeclarationAction.Verify => "核实",
        DeclarationAction.Include => "纳入",
        DeclarationAction.Reject => "不纳入",
        _ => "转交",
    };

    private static string Actor(string actor) => actor.StartsWith("wecom:", StringComparison.Ordinal) ? actor[6..] : "";

    private static string Due(Declaration d, DateTimeOffset now) =>
        d.NextStepDue is { } due && d.IsOpen
            ? due < now ? $"（已超过期限 {ChinaTime.DisplayDate(due)}）" : $"（期限 {ChinaTime.DisplayDate(due)}）"
            : "";

    /// <summary>The short form cadres type: the sequence part, e.g. 0007.</summary>
    public static string ShortId(Declaration d) => d.Id[(d.Id.LastIndexOf('-') + 1)..];

    /// <summary>张三 → 张*, 欧阳娜娜 → 欧阳**: lists and pushes name the household without spelling it out.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? name : name.Length == 4 ? name[..2] + "**" : name[..1] + new string('*', name.Length - 1);
}
