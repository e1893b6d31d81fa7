using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Tests;

public sealed class HotReloadTests
{
    private static async Task<PackReloadResult> NextReload(PackRegistry registry, Action edit)
    {
        var reloaded = new TaskCompletionSource<PackReloadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Reloaded += r => reloaded.TrySetResult(r);
        edit();
        return await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task An_edited_answer_is_used_without_a_restart_and_a_broken_file_keeps_the_last_good_packs()
    {
        var dir = TestPacks.CopyToTemp();
        using var registry = new PackRegistry(dir, TestPacks.KnownCounties);
        registry.StartWatching();
        var answerer = new PolicyAnswerer(registry);
        const string question = "光伏电站多久运维一次";
        Assert.Contains("每月至少运维2次", answerer.Answer(TestPacks.Xinfeng, question).Text);

        var file = Path.Combine(dir, "xinfeng-2024", "entries", "05-industry.yaml");
        var applied = await NextReload(registry, () =>
            File.WriteAllText(file, File.ReadAllText(file).Replace("每月至少运维2次", "每月至少运维2次（县里已安排专人）")));
        Assert.True(applied.Applied, string.Join("\n", applied.Issues));
        Assert.Contains("县里已安排专人", answerer.Answer(TestPacks.Xinfeng, question).Text);

        var rejected = await NextReload(registry, () =>
            File.WriteAllText(file, File.ReadAllText(file).Replace("source: 《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》二（二）5\n\n  - id: xf-pv", "source: 信丰县工作要点\n\n  - id: xf-pv")));
        Assert.False(rejected.Applied);
        var error = Assert.Single(rejected.Issues, i => i.Severity == PackIssueSeverity.Error);
        Assert.EndsWith("05-industry.yaml", error.File);
        Assert.True(error.Line > 0);
        Assert.Contains("县里已安排专人", answerer.Answer(TestPacks.Xinfeng, question).Text); // last good snapshot

        var fixedAgain = await NextReload(registry, () =>
            File.WriteAllText(file, File.ReadAllText(file).Replace("source: 信丰县工作要点", "source: 《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》二（二）5")));
        Assert.True(fixedAgain.Applied);
    }

    [Fact]
    public async Task An_edited_reminders_or_declaration_file_reloads_the_catalog_and_a_broken_one_keeps_the_last_good()
    {
        var dir = TestPacks.CopyToTemp();
        using var registry = new PackRegistry(dir, TestPacks.KnownCounties);
        registry.StartWatching();
        var reminders = Path.Combine(dir, TestPacks.Xinfeng, "reminders.yaml");
        var declaration = Path.Combine(dir, TestPacks.Xinfeng, "declaration.yaml");
        Assert.Equal("09:00", registry.Catalog.Counties.Reminders(TestPacks.Xinfeng)!.SendTime);

        var applied = await NextReload(registry, () =>
            File.WriteAllText(reminders, File.ReadAllText(reminders).Replace("sendTime: \"09:00\"", "sendTime: \"08:30\"")));
        Assert.True(applied.Applied, string.Join("\n", applied.Issues));
        Assert.Equal("08:30", registry.Catalog.Counties.Reminders(TestPacks.Xinfeng)!.SendTime);

        var rejected = await NextReload(registry, () =>
            File.WriteAllText(declaration, File.ReadAllText(declaration).Replace("reference_prefix: XF", "reference_prefix: X-F")));
        Assert.False(rejected.Applied);
        var error = Assert.Single(rejected.Issues, i => i.Severity == PackIssueSeverity.Error);
        Assert.Equal(declaration, error.File);
        Assert.Equal(File.ReadAllLines(declaration).ToList().FindIndex(l => l.StartsWith("reference_prefix:")) + 1, error.Line);
        Assert.NotNull(registry.Catalog.Counties.Find(TestPacks.Xinfeng)); // the last good catalog
        Assert.Equal("08:30", registry.Catalog.Counties.Reminders(TestPacks.Xinfeng)!.SendTime);
    }

    [Fact]
    public void A_broken_folder_at_start_up_leaves_no_packs_and_says_why()
    {
        var dir = TestPacks.CopyToTemp();
        File.WriteAllText(Path.Combine(dir, "national", "pack.yaml"), "id: [broken");
        using var registry = new PackRegistry(dir, TestPacks.KnownCounties);
        Assert.False(registry.LastResult.Applied);
        Assert.Contains(registry.LastResult.Issues, i => i.File.EndsWith("pack.yaml") && i.Line == 1);
        Assert.Equal(PolicyOutcome.Fallback, new PolicyAnswerer(registry).Answer(TestPacks.Xinfeng, "小额信贷能贷多少").Outcome);
    }
}
