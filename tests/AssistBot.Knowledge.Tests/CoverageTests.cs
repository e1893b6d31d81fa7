using System.Text.RegularExpressions;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Tests;

/// <summary>Every numbered task of both county plans has at least one entry citing it; the national topics are all there.</summary>
public sealed partial class CoverageTests
{
    [GeneratedRegex(@"^\s*(\d{1,2})\s*[.．、]\s*\D", RegexOptions.Multiline)]
    private static partial Regex NumberedTask();

    [GeneratedRegex(@"^\s*[（(]([一二三四五六七八九十])[）)]\s*(健全|加强|坚持)", RegexOptions.Multiline)]
    private static partial Regex MechanismItem();

    [GeneratedRegex(@"(\d{1,2})$")]
    private static partial Regex TrailingNumber();

    private static IReadOnlyList<PolicyEntry> EntriesOf(string packId) =>
        PackLoader.LoadAll(TestPacks.Directory).Packs.Single(p => p.Id == packId).Entries;

    private static string Normalize(string clause) => clause.Replace('(', '（').Replace(')', '）').Replace(" ", "");

    private static List<int> TaskNumbers(string plan) =>
        NumberedTask().Matches(plan).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();

    [Theory]
    [InlineData("xinfeng-2024-work-plan.txt", TestPacks.Xinfeng, 10)]
    [InlineData("yuzhou-2023-work-plan.txt", TestPacks.Yuzhou, 24)]
    public void Every_numbered_task_of_the_plan_has_an_entry(string planFile, string packId, int expectedTasks)
    {
        var tasks = TaskNumbers(TestPacks.Source(planFile));
        Assert.Equal(Enumerable.Range(1, expectedTasks), tasks); // the parser sees the plan's numbering

        var cited = EntriesOf(packId)
            .Select(e => TrailingNumber().Match(Normalize(e.Clause)))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        Assert.Equal(tasks, tasks.Where(cited.Contains));
    }

    [Fact]
    public void Every_xinfeng_safeguard_mechanism_has_an_entry()
    {
        var plan = TestPacks.Source("xinfeng-2024-work-plan.txt");
        var safeguards = plan[plan.IndexOf("三、保障机制", StringComparison.Ordinal)..];
        var items = MechanismItem().Matches(safeguards).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["一", "二", "三", "四", "五"], items);

        var clauses = EntriesOf(TestPacks.Xinfeng).Select(e => Normalize(e.Clause)).ToList();
        Assert.All(items, item => Assert.Contains($"三（{item}）", clauses));
    }

    [Fact]
    public void Cadre_facing_tasks_are_covered()
    {
        var xinfeng = EntriesOf(TestPacks.Xinfeng);
        var yuzhou = EntriesOf(TestPacks.Yuzhou);
        Assert.Contains(yuzhou, e => e.Audience == Audiences.Cadre && e.Answer.Contains("每月至少实地走访4次")); // 走访频次
        Assert.Contains(xinfeng, e => e.Audience == Audiences.Cadre && e.Answer.Contains("4月底前达到30%")); // 资金支出进度
        Assert.Contains(xinfeng, e => e.Audience == Audiences.Cadre && e.Answer.Contains("25万元")); // 集体经济目标
    }

    /// <summary>The national topics the brief asks for, asked in plain words, land on an entry that states the fact.</summary>
    [Theory]
    [InlineData("脱贫人口小额信贷单户能贷多少", "5万元")]
    [InlineData("小额信贷的期限最长几年", "3年")]
    [InlineData("小额信贷用不用抵押担保", "免担保、免抵押")]
    [InlineData("小额信贷有没有贴息", "财政贴息")]
    [InlineData("小额信贷的钱能不能用来买房子", "不能用于")]
    [InlineData("小额信贷逾期会有什么后果", "征信")]
    [InlineData("雨露计划是补助谁的", "职业教育")]
    [InlineData("雨露计划加是什么", "就业帮扶")]
    [InlineData("什么是先诊疗后付费", "押金")]
    [InlineData("出院一站式结算怎么回事", "大病保险")]
    [InlineData("防返贫监测对象分几类", "突发严重困难户")]
    [InlineData("返贫风险通过哪些渠道发现", "部门筛查预警")]
    [InlineData("纳入监测要经过什么程序", "公示")]
    [InlineData("什么情况下可以标注风险消除", "收入稳定超过")]
    [InlineData("农村低保申请条件", "家庭财产")]
    [InlineData("特困供养的条件", "无劳动能力")]
    [InlineData("临时救助有哪几种", "急难型")]
    [InlineData("危房改造对象是哪些人", "C级、D级")]
    [InlineData("12317热线是做什么的", "咨询")]
    public void National_topics_are_answered_with_their_facts(string question, string fact)
    {
        var answer = TestPacks.Answerer.Answer(KnowledgePack.NationalId, question);
        Assert.Equal(AssistBot.Knowledge.Answering.PolicyOutcome.Answer, answer.Outcome);
        Assert.Contains(fact, answer.Text);
    }
}
