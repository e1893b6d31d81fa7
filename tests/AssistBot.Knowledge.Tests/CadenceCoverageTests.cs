using System.Text.RegularExpressions;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Knowledge.Tests;

/// <summary>
/// "Every cadence in the plan reminds someone": each phrase of a task clause that sets a cadence or a date
/// (每周二, 每月, 每季度, 每半年, 每年, 第二季度, 4月底前, 6月中旬, 5日内, 3个月内 …) must be carried by a reminder of the county's
/// pack whose source quotes its clause — a duty of the matching kind (每周二 → weekly on Tuesday, 第二季度 → quarterly in Q2,
/// 6月底 → a date in June …), the loan reminders or an application window — or be on the pack's short, reasoned
/// <c>uncovered</c> list. Every source quotes the plan word for word.
/// </summary>
public sealed partial class CadenceCoverageTests
{
    /// <summary>A cadence or a date in the plan's words.</summary>
    [GeneratedRegex(@"每(?:周[一二三四五六日]?|月|季度?|半年|年|学期)|(?<![\d年])\d{1,2}月(?!\d)|\d+(?:日|天|个月)内|第[一二三四]季度|上下半年|审计决算后|公示\d+天")]
    private static partial Regex Cadence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    private static string Squash(string text) => Space().Replace(text, "");

    /// <summary>The clauses of the plan's tasks (from 二、重点任务 on), cut at ，。；： into segments that carry a cadence.</summary>
    private static List<string> CadenceSegments(string plan)
    {
        var tasks = plan[plan.IndexOf("二、重点任务", StringComparison.Ordinal)..];
        return Regex.Split(tasks, "[，。；：\n]").Select(Squash).Where(s => Cadence().IsMatch(s)).Distinct().ToList();
    }

    private static IEnumerable<string> Carriers(ReminderPack pack) =>
        pack.Duties.Items.Select(d => d.Source)
            .Concat(OtherCarriers(pack))
            .Select(Squash);

    /// <summary>Reminders other than duties (loan stages, application windows): they carry a clause whatever its cadence.</summary>
    private static IEnumerable<string> OtherCarriers(ReminderPack pack) =>
        pack.Windows.Select(w => w.Source)
            .Append(pack.Loans.Source)
            .Append(pack.Loans.SupervisionSource)
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(Squash);

    private static readonly string[] ChineseQuarters = ["一", "二", "三", "四"];

    /// <summary>Whether a duty's cadence is the kind a phrase asks for.</summary>
    private static bool Fits(DutyCadence duty, string phrase)
    {
        var month = Regex.Match(phrase, @"^(\d{1,2})月$");
        var within = Regex.Match(phrase, @"^(\d+)(日|天|个月)内$");
        return phrase switch
        {
            _ when phrase.StartsWith("每周", StringComparison.Ordinal) => duty.Every == "week" &&
                (phrase.Length == 2 || duty.Weekday == "一二三四五六日".IndexOf(phrase[2]) + 1),
            "每月" => duty.Every == "month",
            "每季" or "每季度" => duty.Every == "quarter",
            "每半年" or "上下半年" => duty.Every == "half-year",
            "每年" => duty.Every == "year",
            _ when phrase.StartsWith('第') => duty.Every == "quarter" && duty.Quarters.Contains(Array.IndexOf(ChineseQuarters, phrase[1..2]) + 1),
            _ when month.Success => duty.Months.Contains(int.Parse(month.Groups[1].Value)) ||
                                    duty.Dates.Any(d => d.In(2024)?.Month == int.Parse(month.Groups[1].Value)),
            _ when within.Success => within.Groups[2].Value == "个月"
                ? duty.WithinMonths == int.Parse(within.Groups[1].Value)
                : duty.WithinDays == int.Parse(within.Groups[1].Value),
            "审计决算后" => duty.IsOneOff,
            _ => false,
        };
    }

    private static ReminderPack Pack(string id) => ReminderPackLoader.LoadPack(TestPacks.Directory, id);

    [Theory]
    [InlineData(TestPacks.Xinfeng, "xinfeng-2024-work-plan.txt")]
    [InlineData(TestPacks.Yuzhou, "yuzhou-2023-work-plan.txt")]
    public void Every_cadence_of_the_plan_is_carried_by_a_reminder_or_excluded_with_a_reason(string packId, string planFile)
    {
        var pack = Pack(packId);
        var segments = CadenceSegments(TestPacks.Source(planFile));
        var carriers = Carriers(pack).ToList();
        var excluded = pack.Duties.Uncovered.Select(u => Squash(u.Phrase)).ToList();

        var others = OtherCarriers(pack).ToList();
        var missing = new List<string>();
        foreach (var segment in segments)
        {
            if (excluded.Any(e => e.Contains(segment, StringComparison.Ordinal) || segment.Contains(e, StringComparison.Ordinal))) continue;
            if (others.Any(c => c.Contains(segment, StringComparison.Ordinal))) continue;
            var quoting = pack.Duties.Items.Where(d => Squash(d.Source).Contains(segment, StringComparison.Ordinal)).ToList();
            foreach (Match phrase in Cadence().Matches(segment))
                if (!quoting.Any(d => Fits(d, phrase.Value))) missing.Add($"{segment} [{phrase.Value}]");
        }
        Assert.True(missing.Count == 0, "cadences no reminder carries and no exclusion names:\n" + string.Join('\n', missing));
        Assert.True(segments.Count >= 14, $"only {segments.Count} cadence segments found in {planFile}: is the pattern broken?");
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "xinfeng-2024-work-plan.txt")]
    [InlineData(TestPacks.Yuzhou, "yuzhou-2023-work-plan.txt")]
    public void The_exclusion_list_is_short_reasoned_cited_and_not_stale(string packId, string planFile)
    {
        var pack = Pack(packId);
        var plan = Squash(TestPacks.Source(planFile));
        var carriers = Carriers(pack).ToList();
        Assert.InRange(pack.Duties.Uncovered.Count, 1, 8);
        foreach (var item in pack.Duties.Uncovered)
        {
            var phrase = Squash(item.Phrase);
            Assert.True(plan.Contains(phrase, StringComparison.Ordinal), $"'{item.Phrase}' is not in the plan");
            Assert.StartsWith("《工作要点》", item.Source);
            Assert.True(Quotes(item.Source, plan), $"the source of '{item.Phrase}' does not quote the plan: {item.Source}");
            Assert.True(item.Reason.Length >= 10, $"'{item.Phrase}' needs a reason");
            Assert.False(carriers.Any(c => c.Contains(phrase, StringComparison.Ordinal)), $"'{item.Phrase}' is excluded but a reminder carries it");
        }
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "xinfeng-2024-work-plan.txt")]
    [InlineData(TestPacks.Yuzhou, "yuzhou-2023-work-plan.txt")]
    public void Every_duty_cites_its_clause_and_quotes_the_plan_word_for_word(string packId, string planFile)
    {
        var pack = Pack(packId);
        var plan = Squash(TestPacks.Source(planFile));
        var wrong = pack.Duties.Items.Where(d => !d.Source.StartsWith("《工作要点》", StringComparison.Ordinal) || !Quotes(d.Source, plan))
            .Select(d => $"{d.Id}: {d.Source}").ToList();
        Assert.True(wrong.Count == 0, "sources that do not quote the plan:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void Duties_name_roles_as_well_as_households_and_other_subjects()
    {
        var xinfeng = Pack(TestPacks.Xinfeng).Duties;
        Assert.Contains(xinfeng.Items, d => d.IsRoleDuty && xinfeng.Role(d.Role)!.Level == DutyRole.CountyLevel);
        Assert.Contains(xinfeng.Items, d => d.IsRoleDuty && xinfeng.Role(d.Role)!.Level == DutyRole.TownshipLevel);
        Assert.Contains(xinfeng.Items, d => d.IsRoleDuty && xinfeng.Role(d.Role)!.Level == DutyRole.VillageLevel);
        foreach (var type in new[] { "pv-station", "relocation-site", "water-supply", "workshop", "project-asset" })
            Assert.Contains(xinfeng.Items, d => d.AppliesTo == type);
        Assert.Contains(xinfeng.Items, d => d.Dates.Any(x => x.Target is not null));
        var yuzhou = Pack(TestPacks.Yuzhou).Duties;
        Assert.Contains(yuzhou.Items, d => d.Weekday == 2);
        Assert.Contains(yuzhou.Items, d => d.Quarters.SequenceEqual([2]));
    }

    /// <summary>The text after the clause ("《工作要点》二(一)1：") is in the plan, allowing one trailing note in （）.</summary>
    private static bool Quotes(string source, string plan)
    {
        var colon = source.IndexOf('：');
        var quote = Squash(colon < 0 ? source : source[(colon + 1)..]);
        if (plan.Contains(quote, StringComparison.Ordinal)) return true;
        var note = quote.LastIndexOf('（');
        return note > 0 && quote.EndsWith('）') && plan.Contains(quote[..note], StringComparison.Ordinal);
    }
}
