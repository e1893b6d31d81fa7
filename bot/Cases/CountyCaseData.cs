using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Bot.Cases;

/// <summary>Joins a configured county to its pack's places and declaration rules (from the catalog in use, so edits apply live).</summary>
public sealed class CountyCaseData(Counties counties, PackRegistry packs)
{
    public bool TryGet(string? countyId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CountyCases? data)
    {
        data = null;
        if (!counties.TryGet(countyId, out var county) || packs.Catalog.Counties.Find(county.Pack) is not { } pack) return false;
        data = new CountyCases(county, pack.Places, pack.Rules, pack.Reminders ?? ReminderPack.Empty);
        return true;
    }

    public CountyCases Get(string countyId) =>
        TryGet(countyId, out var data) ? data : throw new InvalidOperationException($"County '{countyId}' has no places.yaml/declaration.yaml in its pack.");
}
