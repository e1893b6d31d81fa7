using AssistBot.Bot.Cases;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Reminders;
using AssistBot.Knowledge.Declarations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>Issue 15: <c>Knowledge:PacksDirectory</c> governs every pack file, reminders and places included.</summary>
public sealed class PacksDirectoryTests : IDisposable
{
    private readonly string _packs = Directory.CreateTempSubdirectory("assistbot-packs-").FullName;

    public PacksDirectoryTests()
    {
        // The county's own copy of the shipped packs, with its own send time and one township renamed.
        var shipped = CasePackFiles.FindPacksDirectory();
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_packs, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var reminders = Path.Combine(_packs, "xinfeng-2024", "reminders.yaml");
        File.WriteAllText(reminders, File.ReadAllText(reminders).Replace("sendTime: \"09:00\"", "sendTime: \"07:30\"", StringComparison.Ordinal));
    }

    private IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Counties:xinfeng:Name"] = "信丰县",
        ["Counties:xinfeng:Pack"] = "xinfeng-2024",
        ["Knowledge:PacksDirectory"] = _packs,
    }).Build();

    [Fact]
    public void A_county_that_sets_the_packs_directory_gets_its_own_reminder_rules()
    {
        var configuration = Configuration;
        var counties = new ConfiguredReminderCounties(new Counties(configuration), configuration, NullLogger<ConfiguredReminderCounties>.Instance);
        // Before, reminders ignored Knowledge:PacksDirectory and kept the shipped 09:00.
        Assert.Equal("07:30", counties.Find("xinfeng")!.Pack.SendTime);
    }

    public void Dispose() => Directory.Delete(_packs, recursive: true);
}
