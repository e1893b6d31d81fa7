using AssistBot.Knowledge.Texts;
using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Answers the questions people ask while filling the form about the declaration itself — how long it takes,
/// the income line, who sees the data, other ways to declare — from the county's declaration rules (sourced).
/// Returns null for anything else.
/// </summary>
public static class DeclarationFaq
{
    public static string? Answer(string question, DeclarationRules rules, string countyName)
    {
        var q = CaseText.Compact(question);
        if (Has(q, "多久", "几天", "多长时间", "什么时候有结果", "时间", "时限", "快"))
        {
            var p = rules.Procedure;
            return p.TotalLimitDays is { } days
                ? $"提交后依次是：{string.Join(" → ", p.Steps)}，一般不超过{days}天（{p.Citation}）。"
                : $"提交后依次是：{string.Join(" → ", p.Steps)}。{countyName}的具体办理时间" + ContactTexts.AskCadreOrTownship + "。";
        }
        if (Has(q, "收入线", "监测线", "监测范围", "收入标准", "多少钱以下", "收入多少", "标准是多少", "标准多少"))
            return DeclarationTexts.IncomeExplanation(null, rules.MonitoringLine, countyName);
        if (Has(q, "谁能看", "谁看", "公示", "泄露", "保密", "隐私", "安全", "为什么要身份证", "为什么要电话", "为什么要填"))
            return "身份证号和电话只给本村干部、乡镇和县里的乡村振兴部门核实用，加密保存；村里公示时不会公开身份证号、电话和健康情况。";
        if (Has(q, "12317", "打电话", "村委会", "书面", "不会用", "别的办法", "其他办法", "代填", "代办"))
            return $"除了在这里申报，还可以{rules.OtherChannels}。";
        if (Has(q, "材料", "证明", "户口本", "带什么", "准备什么"))
            return "在这里申报不用上传材料。村干部入户核实时会请您签承诺授权书，需要看什么证件，村干部会提前告诉您。";
        if (Has(q, "能不能申请", "能申请吗", "够不够条件", "符合条件", "能不能纳入", "收入高"))
            return "能不能纳入要由村干部入户核实、综合判断，不只看收入：收入高一些、但因病因灾等突发严重困难的家庭，也可以按\"突发严重困难户\"纳入。先申报就行，我们不会替您下结论。";
        return null;
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
