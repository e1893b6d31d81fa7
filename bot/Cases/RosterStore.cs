using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Places;

namespace AssistBot.Bot.Cases;

/// <summary>The county's cadres (imported roster), by WeCom UserId.</summary>
public sealed class RosterStore(IDocumentStore documents, IScoredIndex scoredIndex)
{
    /// <summary>Creates or replaces a cadre; true when it was new.</summary>
    public async Task<bool> UpsertAsync(Cadre cadre, CancellationToken ct = default)
    {
        var key = CaseKeys.Cadre(cadre.CountyId, cadre.UserId);
        var existed = await documents.ReadAsync<Cadre>(key, ct) is not null;
        await documents.WriteAsync(key, cadre, WriteCondition.Always, null, ct);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexCadres(cadre.CountyId), cadre.UserId, 0, ct);
        return !existed;
    }

    public async Task<Cadre?> GetAsync(string county, string userId, CancellationToken ct = default) =>
        string.IsNullOrEmpty(userId) ? null : (await documents.ReadAsync<Cadre>(CaseKeys.Cadre(county, userId), ct))?.Value;

    public async Task<IReadOnlyList<Cadre>> ListAsync(string county, CancellationToken ct = default)
    {
        var result = new List<Cadre>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await scoredIndex.IndexRangeByScoreAsync(CaseKeys.IndexCadres(county), double.NegativeInfinity, double.PositiveInfinity, skip, 500, ct);
            foreach (var entry in page)
                if (await GetAsync(county, entry.Member, ct) is { } c) result.Add(c);
            if (page.Count < 500) return result;
        }
    }

    /// <summary>Who hears of a new declaration: the village's cadres, else the township-wide ones, else anyone in the township.</summary>
    public async Task<IReadOnlyList<Cadre>> RecipientsAsync(string county, string township, string village, CancellationToken ct = default)
    {
        var inTownship = (await ListAsync(county, ct)).Where(c => c.Township == township).ToList();
        var villageKey = PlaceDirectory.VillageKey(village);
        var ofVillage = inTownship.Where(c => c.Villages.Any(v => PlaceDirectory.VillageKey(v) == villageKey)).ToList();
        if (ofVillage.Count > 0) return ofVillage;
        var townshipWide = inTownship.Where(c => c.CoversWholeTownship).ToList();
        return townshipWide.Count > 0 ? townshipWide : inTownship;
    }
}
