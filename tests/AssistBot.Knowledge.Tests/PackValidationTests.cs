using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Tests;

public sealed class PackValidationTests
{
    [Fact]
    public void Real_packs_load_and_validate_without_errors()
    {
        var loaded = PackLoader.LoadAll(TestPacks.Directory);
        var issues = loaded.Issues.Concat(PackValidator.Validate(loaded.Packs, TestPacks.KnownCounties)).ToList();

        Assert.Empty(issues.Where(i => i.Severity == PackIssueSeverity.Error).Select(i => i.ToString()));
        Assert.Equal(["national", "xinfeng-2024", "yuzhou-2023"], loaded.Packs.Select(p => p.Id).Order());
        Assert.All(loaded.Packs, p => Assert.True(p.Entries.Count >= 20, $"{p.Id} has only {p.Entries.Count} entries"));
        Assert.All(loaded.Packs.SelectMany(p => p.Entries), e => Assert.True(e.Questions.Count > 0, $"{e.Id} has no sample questions"));
    }

    [Fact]
    public void Every_entry_cites_a_document_in_book_title_marks_and_county_entries_cite_their_own_plan()
    {
        var packs = PackLoader.LoadAll(TestPacks.Directory).Packs;
        foreach (var pack in packs)
        foreach (var entry in pack.Entries)
        {
            Assert.True(PackValidator.HasBookTitle(entry.Source), entry.Id);
            if (!pack.IsNational) Assert.StartsWith(pack.Document, entry.Source);
        }
    }

    [Fact]
    public void Validator_reports_each_broken_rule_with_file_and_line()
    {
        var dir = TestPacks.CopyToTemp();
        File.WriteAllText(Path.Combine(dir, "xinfeng-2024", "entries", "zz-broken.yaml"), """
            entries:
              - id: xf-monitoring
                title: 重复的编号
                audience: 农户
                answer: 有内容
                source: 没有书名号的来源
              - id: xf-empty
                title: 空回答
                audience: 村民
                answer: ""
                source: 《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》二（一）1
            """);
        File.WriteAllText(Path.Combine(dir, "yuzhou-2023", "pack.yaml"),
            File.ReadAllText(Path.Combine(dir, "yuzhou-2023", "pack.yaml")).Replace("county: yuzhou", "county: nowhere"));

        var loaded = PackLoader.LoadAll(dir);
        var errors = PackValidator.Validate(loaded.Packs, TestPacks.KnownCounties).Where(i => i.Severity == PackIssueSeverity.Error).ToList();

        Assert.Contains(errors, e => e.Message.Contains("xf-monitoring: id is used twice") && e.File.EndsWith("zz-broken.yaml") && e.Line == 2);
        Assert.Contains(errors, e => e.Message.Contains("xf-monitoring: source must name the document in 《》"));
        Assert.Contains(errors, e => e.Message.Contains("xf-empty: answer is empty") && e.Line == 7);
        Assert.Contains(errors, e => e.Message.Contains("xf-empty: audience must be"));
        Assert.DoesNotContain(errors, e => e.Message.Contains("county 'nowhere'"));
    }

    [Fact]
    public void A_pack_of_a_county_the_deployment_does_not_configure_is_skipped_with_a_warning_and_the_others_load()
    {
        // A deployment for 信丰 only that ships both county packs: 信丰 still gets its Q&A.
        using var registry = new PackRegistry(TestPacks.Directory, ["xinfeng"]);

        Assert.True(registry.LastResult.Applied, string.Join(" | ", registry.LastResult.Issues));
        Assert.Equal(["national", "xinfeng-2024"], registry.Current.Packs.Select(p => p.Id).Order());
        var skipped = Assert.Single(registry.LastResult.Issues, i => i.Message.Contains("is skipped"));
        Assert.Equal(PackIssueSeverity.Warning, skipped.Severity);
        Assert.Contains("county 'yuzhou' is not a configured county", skipped.Message);
        Assert.EndsWith(Path.Combine("yuzhou-2023", "pack.yaml"), skipped.File);
        var answer = new Answering.PolicyAnswerer(registry).Answer(TestPacks.Xinfeng, "小额信贷能贷多少");
        Assert.Equal(Answering.PolicyOutcome.Answer, answer.Outcome);
    }

    [Fact]
    public void Loader_ignores_files_it_does_not_own()
    {
        var dir = TestPacks.CopyToTemp();
        File.WriteAllText(Path.Combine(dir, "xinfeng-2024", "places.yaml"), "townships:\n  - name: 嘉定镇\n");
        File.WriteAllText(Path.Combine(dir, "xinfeng-2024", "reminders.yaml"), "not: [valid for us");
        Directory.CreateDirectory(Path.Combine(dir, "calendar"));
        File.WriteAllText(Path.Combine(dir, "calendar", "cn-workdays.json"), "{}");

        var loaded = PackLoader.LoadAll(dir);

        Assert.DoesNotContain(loaded.Issues, i => i.Severity == PackIssueSeverity.Error);
        Assert.Equal(3, loaded.Packs.Count);
    }

    [Fact]
    public void Yaml_syntax_error_is_reported_with_its_line()
    {
        var dir = TestPacks.CopyToTemp();
        File.WriteAllText(Path.Combine(dir, "national", "entries", "loan.yaml"), "entries:\n  - id: x\n    title: [unclosed\n    answer: y\n");

        var loaded = PackLoader.LoadAll(dir);

        var error = Assert.Single(loaded.Issues, i => i.Severity == PackIssueSeverity.Error);
        Assert.EndsWith("loan.yaml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
    }
}
