using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// The configured counties with the reminder rules of their packs (<c>packs/{pack}/reminders.yaml</c>), read from the
/// one pack catalog: the same folder as the Q&amp;A and the cases, and an edited reminders.yaml applies at the next sweep.
/// </summary>
public sealed class ConfiguredReminderCounties : IReminderCounties
{
    private readonly Counties _counties;
    private readonly PackRegistry _packs;
    private Built? _built;

    public ConfiguredReminderCounties(Counties counties, PackRegistry packs, ILogger<ConfiguredReminderCounties> logger)
    {
        _counties = counties;
        _packs = packs;
        foreach (var county in counties.All.Where(c => packs.Catalog.Counties.Reminders(c.Pack) is null))
            logger.LogWarning("County {County}: pack {Pack} has no {File} under {Directory}; no reminders for it", county.Id, county.Pack,
                ReminderPackLoader.FileName, packs.PacksDirectory);
    }

    /// <summary>Rebuilt only when the catalog has been reloaded.</summary>
    public IReadOnlyList<ReminderCounty> All
    {
        get
        {
            var catalog = _packs.Catalog;
            if (Volatile.Read(ref _built) is { } built && ReferenceEquals(built.Catalog, catalog)) return built.Counties;
            var list = _counties.All.Select(c => new ReminderCounty(c.Id, c.Name, catalog.Counties.Reminders(c.Pack) ?? ReminderPack.Empty)).ToList();
            Volatile.Write(ref _built, new Built(catalog, list));
            return list;
        }
    }

    private sealed record Built(PackCatalog Catalog, IReadOnlyList<ReminderCounty> Counties);

    public ReminderCounty? Find(string id) => All.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}
