using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Places;

namespace AssistBot.Bot.Cases;

/// <summary>The county's cadres (imported roster), by WeCom UserId.</summary>
public sealed class RosterStore(IDocumentStore documents, IScoredIndex scoredIndex, ISweepReads sweepReads) : IRosterReader
{
    /// <summary>Creates or replaces a cadre; true when it was new.</summary>
    public async Task<bool> UpsertAsync(Cadre cadre, CancellationToken ct = default)
    {
        var key = CaseKeys.Cadre(cadre.CountyId, cadre.UserId);
        var existed = await documents.ReadAsync<Cadre>(key, ct).ConfigureAwait(false) is not null;
        await documents.WriteAsync(key, cadre, WriteCondition.Always, null, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexCadres(cadre.CountyId), cadre.UserId, 0, ct).ConfigureAwait(false);
        return !existed;
    }

    public async Task<Cadre?> GetAsync(string county, string userId, CancellationToken ct = default) =>
        string.IsNullOrEmpty(userId) ? null : (await documents.ReadAsync<Cadre>(CaseKeys.Cadre(county, userId), ct).ConfigureAwait(false))?.Value;

    public Task<IReadOnlyList<Cadre?>> GetManyAsync(string county, IReadOnlyList<string> userIds, CancellationToken ct = default) =>
        CasePaging.ReadManyAsync<Cadre>(documents, userIds.Select(id => CaseKeys.Cadre(county, id)).ToList(), ct);

    public Task<CasePage<Cadre>> PageAsync(string county, string? after, int take, CancellationToken ct = default) =>
        CasePaging.PageAsync<Cadre>(sweepReads, documents, CaseKeys.IndexCadres(county), id => CaseKeys.Cadre(county, id), after, take, ct);

    /// <summary>Pages of 500: one index read and one batch read per page.</summary>
    public async Task<IReadOnlyList<Cadre>> ListAsync(string county, CancellationToken ct = default)
    {
        var result = new List<Cadre>();
        string? after = null;
        do
        {
            var page = await PageAsync(county, after, 500, ct).ConfigureAwait(false);
            result.AddRange(page.Items);
            after = page.Next;
        } while (after is not null);
        return result;
    }

    /// <summary>Who hears of a new declaration: the village's cadres, else the township-wide ones, else anyone in the township.</summary>
    public async Task<IReadOnlyList<Cadre>> RecipientsAsync(string county, string township, string village, CancellationToken ct = default)
    {
        var inTownship = (await ListAsync(county, ct).ConfigureAwait(false)).Where(c => c.Township == township).ToList();
        var villageKey = PlaceDirectory.VillageKey(village);
        var ofVillage = inTownship.Where(c => c.Villages.Any(v => PlaceDirectory.VillageKey(v) == villageKey)).ToList();
        if (ofVillage.Count > 0) return ofVillage;
        var townshipWide = inTownship.Where(c => c.CoversWholeTownship).ToList();
        return townshipWide.Count > 0 ? townshipWide : inTownship;
    }
}
