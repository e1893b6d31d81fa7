using AssistBot.Knowledge.Declarations;
using AssistBot.Knowledge.Texts;

namespace AssistBot.Bot.Cases;

/// <summary>Everything a farmer reads in the self-declaration, status and notices. Short, friendly, ending with the next step.</summary>
public static class DeclarationTexts
{
    // Choice labels (rendered as numbered lines on WeChat, buttons on Web Chat).
    public const string Start = "开始申报";
    public const string NotNow = "先不申报";
    public const string Agree = "同意";
    public const string Disagree = "不同意";
    public const string Submit = "确认提交";
    public const string Edit = "修改某一项";
    public const string Cancel = "取消";
    public const string NoIdNumber = "不方便提供";
    public const string SkipIncome = "不清楚，跳过";
    public const string Done = "选好了";

    public static string Intro(string countyName, bool hardshipMentioned) =>
        (hardshipMentioned ? "听到您家里遇到困难了，先别着急。" : "") +
        $"如果家里因病、因灾、失业等原因生活困难，可以在这里向{countyName}申报\"防止返贫监测\"，村干部会上门核实，符合条件的纳入帮扶。" +
        "大约要回答9个问题，3分钟左右。现在开始吗？";

    /// <summary>After a policy question answered while only the offer was open: the offer is dropped, and how to come back.</summary>
    public const string OfferLater = "想申报的时候，发\"我要申报\"就行。";

    public const string NotStarted = "好的，先不申报。需要时发\"我要申报\"就行，也可以" + ContactTexts.CommitteeOrHotline + "。";

    public const string Consent =
        "申报前请您知道：\n" +
        "· 要记下：户主姓名、身份证号、联系电话、住址（乡镇、村）、家庭人口、困难类型和情况说明。\n" +
        "· 用途：村干部上门核实，判断能否纳入防止返贫监测帮扶。\n" +
        "· 谁能看到：本村干部、乡镇和县里的乡村振兴部门。\n" +
        "· 村里公示时不会公开身份证号、电话和健康情况；身份证号和电话加密保存。\n" +
        "您同意吗？";

    public const string ConsentDeclined = "好的，没有保存任何信息。您也可以到村委会书面申请，或拨打" + ContactTexts.Hotline + "。需要时再发\"我要申报\"。";

    public const string AskName = "第1步：户主姓名是？";
    public const string RetryName = "没看清姓名。请只发户主的姓名，比如：张三。";

    public const string AskIdNumber = "第2步：户主的身份证号（18位）是？\n不方便的话回复\"不方便提供\"，村干部上门时再登记。";

    public static string RetryIdNumber(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.FifteenDigit => "这是15位的老号码，请发现在身份证上的18位号码。不方便的话回复\"不方便提供\"。",
        IdNumberProblem.WrongLength or IdNumberProblem.BadCharacters or IdNumberProblem.Empty => "身份证号应该是18位（最后一位可能是X），请再核对一下发过来。不方便的话回复\"不方便提供\"。",
        IdNumberProblem.BadBirthDate => "这个号码里的出生日期不对，可能有数字打错了，请对照身份证再发一次。不方便的话回复\"不方便提供\"。",
        _ => "这个身份证号校验不通过，可能有一位打错了，请对照身份证再发一次。不方便的话回复\"不方便提供\"。",
    };

    public const string AskPhone = "第3步：联系电话是？（手机号，或带区号的座机）";

    public static string RetryPhone(PhoneProblem problem) => problem switch
    {
        PhoneProblem.MissingAreaCode => "座机号请带上区号，比如：0797-1234567。",
        _ => "这个号码不对，请发11位手机号（如 13912345678），或带区号的座机（如 0797-1234567）。",
    };

    public static string AskTownship(string countyName) => $"第4步：您家在{countyName}哪个乡镇（街道）？";

    public static string RetryTownship(string countyName, IEnumerable<string> examples) =>
        $"没找到这个乡镇。请发{countyName}的乡镇名，比如：{string.Join("、", examples.Take(3))}。";

    public static string PickTownship(IEnumerable<string> candidates) =>
        candidates.Count() == 1 ? $"您说的是{candidates.First()}吗？是的话回复1，不是请再发一次乡镇名。"
            : $"您说的是哪一个？{string.Join("、", candidates)}";

    public static string AskVillage(string township) => $"第5步：在{township}哪个村（社区）？";
    public const string RetryVillage = "没看清村名，请发村或社区的名字，比如：代屋村。";

    public const string AskHouseholdSize = "第6步：家里一共几口人？";
    public const string RetryHouseholdSize = "请发1到20之间的数字，比如：4。";

    public const string AskHardships = "第7步：家里遇到的是哪类困难？可以选多项，比如回复：1、8";
    public const string RetryHardships = "没看懂选的是哪几项。请回复前面的数字，多项用顿号隔开，比如：1、8。";

    public const string AskDescription = "第8步：请简单说说情况（500字以内），比如：什么时候、出了什么事、花了多少钱、现在最难的是什么。发语音也可以。";
    public const string RetryDescription = "请用几句话说说家里的情况，发文字或语音都行。";
    public const string DescriptionTooLong = "说明超过500字，已保留前500字。";

    public const string AskIncome = "第9步（可不填）：估计今年家里每人一年的纯收入有多少元？不清楚可以跳过。";
    public const string RetryHouseholdSizeRange = "家里一共几口人？请发一个准数，比如：4。";

    /// <summary>"五六千": the lower end is kept, and the farmer is told so (and how to change it).</summary>
    public static string IncomeRangeTaken(decimal low, decimal high) =>
        $"您说的是{low:0}到{high:0}元，先按{low:0}元记下；不对的话，最后核对时可以改。";

    public const string RetryIncome = "请发一个数字（元），比如：6000；不清楚就回复\"跳过\"。";

    /// <summary>Shown after the income answer: compares with the configured line, never turns anyone away.</summary>
    public static string IncomeExplanation(decimal? income, MonitoringLine? line, string countyName)
    {
        const string AboveNote = "收入不是唯一条件：收入高一些、但因病因灾等突发严重困难的家庭，也可以按\"突发严重困难户\"纳入。我们照样提交，由村干部核实。";
        if (line is null)
            return $"{countyName}今年的监测收入范围" + ContactTexts.AskCadreOrTownship + "。" + AboveNote;
        var lineText = $"{countyName}{line.Year}年防止返贫监测收入参考范围是{line.Amount:0}元（{line.Source.Split('"')[0]}）。";
        if (income is null) return lineText + AboveNote;
        return lineText + (income <= line.Amount ? "您填的收入在这个范围内。" : "您填的收入高于这个数。") + AboveNote;
    }

    public static string Summary(DeclarationDraftView d) =>
        "请核对您的申报：\n" +
        $"户主：{d.HeadName}\n" +
        $"身份证号：{d.MaskedIdNumber ?? "不方便提供（村干部上门时登记）"}\n" +
        $"电话：{d.MaskedPhone}\n" +
        $"住址：{d.Township} {d.Village}\n" +
        $"家庭人口：{d.HouseholdSize}人\n" +
        $"困难类型：{string.Join("、", d.Hardships.Select(h => h.Label()))}\n" +
        $"情况说明：{Shorten(d.Description, 60)}\n" +
        $"每人年收入：{(d.Income is { } i ? $"约{i:0}元" : "未填")}\n" +
        "没问题请选\"确认提交\"；要改哪一项可以直接说，比如\"电话写错了\"。";

    public const string AskWhichField = "要改哪一项？直接说就行，比如：电话、村、困难类型。";

    public static IReadOnlyList<string> FieldLabels { get; } = ["户主姓名", "身份证号", "联系电话", "乡镇", "村", "家庭人口", "困难类型", "情况说明", "收入"];

    public const string Cancelled = "已取消，没有保存任何信息。需要时再发\"我要申报\"。";

    public const string ChooseStart = "要现在开始申报吗？请回复1开始，回复2先不申报。";
    public const string ChooseConsent = "请回复1同意，或回复2不同意（不同意就不会保存任何信息）。";
    public const string ChooseSummary = "请回复1确认提交；要改哪一项可以直接说，比如\"电话写错了\"；回复3取消。";

    public const string IdDeferred = "好的，身份证号先不填，村干部上门核实时再登记。";

    public const string DraftExpired = "您上次没填完的申报已经超过7天，按规定已经清除，没有留下记录。";

    public const string QuestionLater = "这个问题等填完申报后，可以在菜单\"政策咨询\"里问，也可以" + ContactTexts.CadreOrHotline + "。";

    public const string BackToForm = "我们接着填：";

    /// <summary>Help for the open question (field index, or negative for intro/consent and beyond the fields for the summary).</summary>
    public static string Help(int fieldIndex) => fieldIndex switch
    {
        < 0 => "这是防止返贫监测的农户自主申报，问几个家里的情况，村干部会上门核实。",
        0 => "填户主（户口本上的户主）的姓名，比如：张三。",
        1 => "填户主身份证上的18位号码；不方便就回复\"不方便提供\"，村干部上门时再登记。",
        2 => "填能联系上您的电话：11位手机号，或带区号的座机。",
        3 => "填您家所在的乡镇或街道，比如：大塘埠镇。说旧名字也可以。",
        4 => "填村或社区的名字，比如：代屋村。",
        5 => "填户口本上家里一共几口人，回复数字就行。",
        6 => "可以选多项，回复数字，用顿号隔开，比如：1、8。",
        7 => "用几句话说说家里发生了什么、现在最难的是什么。",
        8 => "估计每人一年的纯收入（元），不清楚就回复\"跳过\"。",
        _ => "核对无误回复1提交；要改就直接说改哪一项，比如\"电话写错了\"。",
    };

    public static string Submitted(Declaration d, DeclarationRules rules, string countyName)
    {
        var p = rules.Procedure;
        var limit = p.TotalLimitDays is { } days ? $"一般不超过{days}天办完（{p.Citation}）。" : $"办理时间以{countyName}的安排为准，可以问村干部。";
        return $"申报已提交，编号 {d.Id}。\n" +
               $"接下来：{string.Join(" → ", p.Steps)}，{limit}\n" +
               (p.Steps.Any(step => step.Contains("承诺授权", StringComparison.Ordinal)) ? "" : "村干部核实时会请您签承诺授权书。\n") +
               $"另外，也可以{rules.OtherChannels}。\n" +
               "随时发\"查进度\"看办到哪一步。";
    }

    /// <summary>Saved, but the storage could not yet confirm the copy (a Redis failover): say so instead of "received".</summary>
    public static string SubmittedUnconfirmed(Declaration d) =>
        $"申报已提交，编号 {d.Id}，系统正在确认保存。\n" +
        "请过几分钟发\"查进度\"：能看到这个编号就是收到了；看不到请再申报一次，或拨打" + ContactTexts.Hotline + "。";

    public static string Duplicate(Declaration existing) =>
        $"您家已经有一份正在办理的申报（编号 {existing.Id}，{StatusLabel(existing)}），不用重复申报。发\"查进度\"可以看办到哪一步；情况有变化请告诉村干部。";

    public const string SubmitFailed = "抱歉，刚才没有提交成功，您的信息没有保存。请稍后再发\"确认提交\"试一次，或拨打" + ContactTexts.Hotline + "。";

    public const string NoDeclarations = "您还没有申报记录。需要申报请发\"我要申报\"。";

    public static string StatusList(IReadOnlyList<Declaration> mine)
    {
        var lines = mine.Take(5).Select(d =>
            $"· {d.Id}（{d.Township}{d.Village}）\n  状态：{StatusLabel(d)}，{ChinaTime.Display(d.UpdatedAt)}更新\n  下一步：{NextStepText(d)}");
        return "您的申报：\n" + string.Join("\n", lines) + "\n有疑问可以" + ContactTexts.CommitteeOrHotline + "。";
    }

    public static string StatusLabel(Declaration d) => d.Status switch
    {
        DeclarationStatus.Submitted => "已提交，等待村干部受理",
        DeclarationStatus.Accepted => "村干部已受理",
        DeclarationStatus.Verified => d.VerifiedTrue == true ? "已入户核实，情况属实" : "已入户核实，与申报情况不一致",
        DeclarationStatus.Included => "已纳入防止返贫监测帮扶",
        _ => "未纳入监测",
    };

    public static string NextStepText(Declaration d)
    {
        if (d.Status == DeclarationStatus.NotIncluded) return "如有疑问可以找村委会或乡镇问清楚；情况有变化可以再申报";
        if (d.Status == DeclarationStatus.Verified && d.VerifiedTrue == false) return "等待乡镇和村里告知结果";
        var step = d.NextStep ?? "等待村干部办理";
        return d.NextStepDue is { } due ? $"{step}（{ChinaTime.DisplayDate(due)}前）" : step;
    }

    /// <summary>The push a farmer gets when a cadre moves their case.</summary>
    public static string StatusNotice(Declaration d, DeclarationEvent e, string? transferredToName) => e.Action switch
    {
        DeclarationAction.Accept => $"您的申报 {d.Id} 村干部已受理。下一步：{NextStepText(d)}。发\"查进度\"可随时查看。",
        DeclarationAction.Verify when d.VerifiedTrue == true => $"您的申报 {d.Id} 已入户核实，情况属实。下一步：{NextStepText(d)}。",
        DeclarationAction.Verify => $"您的申报 {d.Id} 入户核实结果：与申报情况不一致{Note(e.Note)}。如有疑问请" + ContactTexts.CommitteeOrHotline + "。",
        DeclarationAction.Include => $"您家已纳入防止返贫监测帮扶（申报 {d.Id}）。下一步：{NextStepText(d)}。有困难随时找帮扶干部或村委会。",
        DeclarationAction.Reject => $"您的申报 {d.Id} 这次没有纳入监测{Note(e.Note, "原因")}。如有疑问可以找村委会或乡镇问清楚，也可以拨打{ContactTexts.Hotline}；情况有变化可以再申报。",
        DeclarationAction.Transfer => $"您的申报 {d.Id} 已转交{(transferredToName is null ? "其他干部" : transferredToName)}继续办理。发\"查进度\"可随时查看。",
        _ => $"您的申报 {d.Id} 有新进展：{StatusLabel(d)}。",
    };

    private static string Note(string? note, string label = "说明") => string.IsNullOrWhiteSpace(note) ? "" : $"（{label}：{note}）";

    private static string Shorten(string text, int max) => CaseText.Length(text) <= max ? text : CaseText.Clean(text, max) + "…";
}
