using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>Imported subjects other than households (<see cref="Site"/>), by 编号.</summary>
public sealed class SiteStore(IDocumentStore documents, IScoredIndex scoredIndex)
{
    /// <summary>Creates or replaces a site; true when it was new.</summary>
    public async Task<bool> UpsertAsync(Site site, CancellationToken ct = default)
    {
        var key = CaseKeys.Site(site.CountyId, site.SiteNo);
        var existed = await documents.ReadAsync<Site>(key, ct).ConfigureAwait(false) is not null;
        await documents.WriteAsync(key, site, WriteCondition.Always, null, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexSites(site.CountyId), site.SiteNo, 0, ct).ConfigureAwait(false);
        return !existed;
    }

    public async Task<Site?> GetAsync(string county, string siteNo, CancellationToken ct = default) =>
        (await documents.ReadAsync<Site>(CaseKeys.Site(county, siteNo), ct).ConfigureAwait(false))?.Value;

    /// <summary>Every site of a county, page by page.</summary>
    public async IAsyncEnumerable<Site> ListAsync(string county, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var skip = 0; ; skip += 500)
        {
            var page = await scoredIndex.IndexRangeByScoreAsync(CaseKeys.IndexSites(county), double.NegativeInfinity, double.PositiveInfinity, skip, 500, ct).ConfigureAwait(false);
            foreach (var entry in page)
                if (await GetAsync(county, entry.Member, ct).ConfigureAwait(false) is { } site) yield return site;
            if (page.Count < 500) yield break;
        }
    }
}
