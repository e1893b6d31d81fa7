using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>The configured counties with the reminder rules of their packs (<c>packs/{pack}/reminders.yaml</c>).</summary>
public sealed class ConfiguredReminderCounties : IReminderCounties
{
    public ConfiguredReminderCounties(Counties counties, IConfiguration configuration, ILogger<ConfiguredReminderCounties> logger)
    {
        // The same packs as the Q&A and the cases: Knowledge:PacksDirectory governs every pack file.
        var packs = Knowledge.PacksDirectory.From(configuration);
        All = counties.All.Select(c =>
        {
            var pack = ReminderPackLoader.LoadPack(packs, c.Options.Pack);
            if (ReferenceEquals(pack, ReminderPack.Empty))
                logger.LogWarning("County {County}: pack {Pack} has no {File} under {Directory}; no reminders for it", c.Id, c.Options.Pack,
                    ReminderPackLoader.FileName, packs);
            return new ReminderCounty(c.Id, c.Options.Name, pack);
        }).ToList();
    }

    public IReadOnlyList<ReminderCounty> All { get; }

    public ReminderCounty? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}
