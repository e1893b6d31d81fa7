using AssistBot.Bot.Cases;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Knowledge;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Knowledge.Packs;
using AssistBot.Scheduler.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// Issue 15: <c>Knowledge:PacksDirectory</c> governs every pack file, reminders and places included; they come from one
/// catalog, reload together, and <c>knowledge check</c> validates them all.
/// </summary>
public sealed class PacksDirectoryTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "packs");
    private readonly string _packs = Directory.CreateTempSubdirectory("assistbot-packs-").FullName;

    public PacksDirectoryTests()
    {
        // The county's own copy of the shipped packs, with its own send time.
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_packs, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Edit("reminders.yaml", "sendTime: \"09:00\"", "sendTime: \"07:30\"");
    }

    private string Xinfeng(string file) => Path.Combine(_packs, "xinfeng-2024", file);

    private void Edit(string file, string from, string to)
    {
        var text = File.ReadAllText(Xinfeng(file));
        Assert.Contains(from, text);
        File.WriteAllText(Xinfeng(file), text.Replace(from, to, StringComparison.Ordinal));
    }

    private IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Counties:xinfeng:Name"] = "信丰县",
        ["Counties:xinfeng:Pack"] = "xinfeng-2024",
        ["Counties:yuzhou:Name"] = "禹州市",
        ["Counties:yuzhou:Pack"] = "yuzhou-2023",
        ["Knowledge:PacksDirectory"] = _packs,
    }).Build();

    private PackRegistry Registry() => new(_packs, ["xinfeng", "yuzhou"]);

    [Fact]
    public void A_county_that_sets_the_packs_directory_gets_its_own_reminder_rules()
    {
        var configuration = Configuration;
        using var registry = Registry();
        var counties = new ConfiguredReminderCounties(new Counties(configuration), registry, NullLogger<ConfiguredReminderCounties>.Instance);
        // Before, reminders ignored Knowledge:PacksDirectory and kept the shipped 09:00.
        Assert.Equal("07:30", counties.Find("xinfeng")!.Pack.SendTime);
    }

    [Fact]
    public async Task The_service_built_from_its_composition_root_reads_reminders_and_places_from_the_configured_directory()
    {
        // Through AddAssistBot and the setting alone, as an operator sets it: no registry handed in by the test.
        Edit("places.yaml", "大塘埠镇", "大塘镇");
        var settings = AssistBotFactory.TwoCounties("xinfeng");
        settings["Knowledge:PacksDirectory"] = _packs;
        await using var host = TestServiceHost.Build(settings);

        Assert.Equal("07:30", Assert.Single(host.Get<IReminderCounties>().All, c => c.Id == "xinfeng").Pack.SendTime);
        Assert.Contains(host.Get<CountyCaseData>().Get("xinfeng").Places.Townships, t => t.Name == "大塘镇");
    }

    [Fact]
    public void Edited_reminders_and_places_apply_on_reload_and_a_bad_reminders_file_keeps_the_last_good_catalog()
    {
        var configuration = Configuration;
        using var registry = Registry();
        var counties = new ConfiguredReminderCounties(new Counties(configuration), registry, NullLogger<ConfiguredReminderCounties>.Instance);
        var cases = new CountyCaseData(new Counties(configuration), registry);

        Edit("reminders.yaml", "sendTime: \"07:30\"", "sendTime: \"08:15\"");
        Edit("places.yaml", "大塘埠镇", "大塘镇");
        Assert.True(registry.Reload().Applied);
        Assert.Equal("08:15", counties.Find("xinfeng")!.Pack.SendTime);
        Assert.Contains(cases.Get("xinfeng").Places.Townships, t => t.Name == "大塘镇");

        Edit("reminders.yaml", "sendTime: \"08:15\"", "sendTime: \"8点\"");
        var rejected = registry.Reload();
        Assert.False(rejected.Applied);
        var error = Assert.Single(rejected.Issues, i => i.Severity == PackIssueSeverity.Error);
        Assert.Equal(Xinfeng("reminders.yaml"), error.File);
        Assert.Equal(File.ReadAllLines(Xinfeng("reminders.yaml")).ToList().FindIndex(l => l.Contains("sendTime")) + 1, error.Line);
        Assert.Equal("08:15", counties.Find("xinfeng")!.Pack.SendTime); // the last good catalog
    }

    [Theory]
    [InlineData("reminders.yaml", "sendTime: \"07:30\"", "sendTime: \"7点半\"", "sendTime")]
    [InlineData("places.yaml", "county: xinfeng", "county: xinfeng\ncolour: red", "colour")]
    [InlineData("declaration.yaml", "county: xinfeng", "county: \"\"", "county")]
    public async Task Knowledge_check_reports_a_bad_county_file_with_its_file_and_line(string file, string from, string to, string key)
    {
        Edit(file, from, to);
        var output = new StringWriter();
        var check = new KnowledgeCheckCommand(Options.Create(new KnowledgeOptions()), new Counties(Configuration)) { Output = output };

        var code = await check.RunAsync(["--dir", _packs], CancellationToken.None);

        Assert.Equal(1, code);
        var line = File.ReadAllLines(Xinfeng(file)).ToList().FindIndex(l => l.TrimStart().StartsWith(key + ":")) + 1;
        Assert.Contains($"error: {Xinfeng(file)}:{line}: ", output.ToString());
        Assert.Contains("FAILED: 1 errors", output.ToString());
    }

    [Fact]
    public async Task Knowledge_check_of_the_shipped_packs_lists_their_county_files()
    {
        var output = new StringWriter();
        var check = new KnowledgeCheckCommand(Options.Create(new KnowledgeOptions()), new Counties(Configuration)) { Output = output };

        Assert.Equal(0, await check.RunAsync(["--dir", Shipped], CancellationToken.None));
        Assert.Contains("places: 16 townships, declaration, reminders:", output.ToString());
    }

    public void Dispose() => Directory.Delete(_packs, recursive: true);
}
