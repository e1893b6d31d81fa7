using System.Text.RegularExpressions;

namespace AssistBot.Knowledge.Tests;

/// <summary>
/// A farmer or cadre who looks up the clause the bot cites must find it: every citation of a county's plan in its pack
/// files ("《工作要点》二(三)8：…") names a clause that exists — item 8 really sits under 二（三） — and the words quoted
/// after it are in that clause.
/// </summary>
public sealed partial class PlanCitationTests
{
    // 》 or the document number, then 二（三）8 / 二(三)8 / 三（一） / 三、24, then an optional quote: ：“…”, ："…" or "…".
    [GeneratedRegex("""(?:》|号)\s*([一二三四五六七])(?:[（(]([一二三四五六七八九十]+)[）)]|、)(\d+)?\s*(?:[：:]\s*["“]?([^"”\n]+)|["“]([^"”\n]+))?""")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^([一二三四五六七八九十])、")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]")]
    private static partial Regex SubsectionLine();

    [GeneratedRegex(@"^(\d+)\s*[\.．、]")]
    private static partial Regex ItemLine();

    // Our own note at the end of a quoted citation, e.g. （导入时"日期"列填审计决算日期）, is not the plan's words (the
    // quote's capture may stop inside it, at its own quotation mark).
    [GeneratedRegex(@"（[^（）]*(?:）)?\\?$")]
    private static partial Regex TrailingNote();

    [Theory]
    [InlineData("xinfeng-2024", "xinfeng-2024-work-plan.txt")]
    [InlineData("yuzhou-2023", "yuzhou-2023-work-plan.txt")]
    public void Every_cited_clause_of_the_plan_exists_and_holds_the_quoted_words(string pack, string plan)
    {
        var clauses = Clauses(TestPacks.Source(plan));
        var problems = new List<string>();
        var checkedCitations = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPacks.Directory, pack), "*.yaml", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var n = 0; n < lines.Length; n++)
            {
                if (!lines[n].Contains("source", StringComparison.Ordinal) && !lines[n].Contains("依据", StringComparison.Ordinal)) continue;
                foreach (Match m in Citation().Matches(lines[n]))
                {
                    if (!CitesThePlan(lines[n][..m.Index])) continue;
                    checkedCitations++;
                    var where = $"{Path.GetRelativePath(TestPacks.Directory, file)}:{n + 1} {m.Value.Trim()}";
                    var clause = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
                    if (!clauses.TryGetValue(clause, out var text))
                    {
                        problems.Add($"{where}: no such clause in {plan}");
                        continue;
                    }
                    var quote = m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Value;
                    foreach (var piece in QuotedPieces(quote))
                        if (!text.Contains(piece, StringComparison.Ordinal))
                            problems.Add($"{where}: “{piece}” is not in that clause");
                }
            }
        }
        Assert.True(checkedCitations > 20, $"only {checkedCitations} citations found: the pattern no longer matches the pack files");
        Assert.Empty(problems);
    }

    [Fact]
    public void A_clause_cited_under_the_wrong_part_of_the_plan_is_caught()
    {
        var clauses = Clauses(TestPacks.Source("yuzhou-2023-work-plan.txt"));
        Assert.True(clauses.ContainsKey(("二", "三", "8")));
        Assert.False(clauses.ContainsKey(("二", "二", "8")));
    }

    /// <summary>The plan's text by clause: (section, subsection, item) with "" for a level the clause does not have.</summary>
    private static Dictionary<(string Section, string Subsection, string Item), string> Clauses(string plan)
    {
        var clauses = new Dictionary<(string, string, string), string>();
        string section = "", subsection = "";
        var open = new List<(string, string, string)>();
        foreach (var raw in plan.Split('\n'))
        {
            var line = Squeeze(raw);
            if (SectionLine().Match(line) is { Success: true } s)
            {
                (section, subsection) = (s.Groups[1].Value, "");
                open = [(section, "", "")];
            }
            else if (SubsectionLine().Match(line) is { Success: true } sub)
            {
                subsection = sub.Groups[1].Value;
                open = [(section, subsection, "")];
            }
            else if (ItemLine().Match(line) is { Success: true } item)
            {
                // A numbered item belongs to its subsection as well ("三（一）" covers its items).
                open = [(section, subsection, ""), (section, subsection, item.Groups[1].Value)];
            }
            foreach (var key in open)
                clauses[key] = clauses.GetValueOrDefault(key, "") + line;
        }
        return clauses;
    }

    private static bool CitesThePlan(string before) =>
        before.Contains("工作要点", StringComparison.Ordinal) || before.Contains("信巩字", StringComparison.Ordinal);

    /// <summary>The quoted words, split where the citation leaves text out (……), without our trailing note.</summary>
    private static IEnumerable<string> QuotedPieces(string quote) =>
        TrailingNote().Replace(Squeeze(quote), "")
            .Split(["……", "…", "..."], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimEnd('。', '；', ';', '，', ','))
            .Where(p => p.Length >= 4);

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
