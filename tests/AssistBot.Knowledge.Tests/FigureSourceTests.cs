using System.Text.RegularExpressions;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Tests;

/// <summary>
/// "Figures only where a source gives them, for the county it gives them for": every number an entry states must
/// appear in the document the pack is built from (the county's plan; the domain brief for national entries).
/// </summary>
public sealed partial class FigureSourceTests
{
    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    // Numbers that are not policy figures: the 12317 line is a national fact, listed in the brief.
    private static readonly string[] Allowed = ["12317"];

    [Theory]
    [InlineData("national", "domain-brief.md")]
    [InlineData(TestPacks.Xinfeng, "xinfeng-2024-work-plan.txt")]
    [InlineData(TestPacks.Yuzhou, "yuzhou-2023-work-plan.txt")]
    public void Every_number_in_an_entry_appears_in_its_source(string packId, string sourceFile)
    {
        var source = TestPacks.Source(sourceFile).Replace(" ", "");
        var pack = PackLoader.LoadAll(TestPacks.Directory).Packs.Single(p => p.Id == packId);
        var unsourced = new List<string>();
        foreach (var entry in pack.Entries)
        foreach (var text in new[] { entry.Answer, entry.Detail, entry.How }.OfType<string>())
        foreach (Match m in Number().Matches(text))
            if (!Allowed.Contains(m.Value) && !source.Contains(m.Value, StringComparison.Ordinal))
                unsourced.Add($"{entry.Id}: {m.Value}");
        Assert.Empty(unsourced);
    }

    [Fact]
    public void Yuzhou_only_figures_never_appear_in_what_xinfeng_can_answer()
    {
        var xinfeng = TestPacks.Registry.Current.TryGet(TestPacks.Xinfeng, out var k) ? k : throw new InvalidOperationException();
        var yuzhouPlan = TestPacks.Source("yuzhou-2023-work-plan.txt");
        var xinfengPlan = TestPacks.Source("xinfeng-2024-work-plan.txt");
        string[] yuzhouFigures = ["7500", "7080", "1.4万", "2030", "60%"];
        Assert.All(yuzhouFigures, f => Assert.Contains(f, yuzhouPlan));
        Assert.All(yuzhouFigures, f => Assert.DoesNotContain(f, xinfengPlan));
        foreach (var entry in xinfeng.Index.Entries)
        foreach (var figure in yuzhouFigures)
            Assert.DoesNotContain(figure, entry.Answer + entry.Detail + entry.How);
    }
}
