using System.Runtime.CompilerServices;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Duty subjects from the cases part's imports. Households: every household ("household": 住房安全), monitoring
/// households ("monitoring", or "monitoring-cleared" once the risk is eliminated), newly identified ones
/// ("new-monitoring", anchored at the identification date) and relocated ones ("relocation"). Then the other
/// subjects (<see cref="Cases.Site"/>: 光伏电站, 安置点 …), whose category is their pack subject type (pv-station …).
/// </summary>
public sealed class HouseholdDutySubjects(IDocumentStore documents, IScoredIndex scoredIndex, ICadreDirectory cadres) : IDutySubjects
{
    private readonly Cases.SiteStore _sites = new(documents, scoredIndex);

    private static readonly string[] MonitoringWords = ["监测", "脱贫不稳定", "边缘易致贫", "突发严重困难"];

    public async IAsyncEnumerable<DutySubject> ListAsync(string countyId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cadreCache = new Dictionary<(string, string), CadreContact?>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await scoredIndex.IndexRangeByScoreAsync(CaseRecords.HouseholdIndex(countyId), double.MinValue, double.MaxValue, skip, 500,
                cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                var household = (await documents.ReadAsync<CaseRecords.HouseholdRecord>(CaseRecords.Household(countyId, entry.Member),
                    cancellationToken).ConfigureAwait(false))?.Value;
                if (household is null) continue;
                CadreContact? cadre = null;
                if (household.ResponsibleCadre is { Length: > 0 } responsible)
                {
                    var key = (responsible, household.Township);
                    if (!cadreCache.TryGetValue(key, out cadre))
                        cadreCache[key] = cadre = await cadres.FindAsync(countyId, responsible, household.Township, cancellationToken)
                            .ConfigureAwait(false);
                }
                yield return ToSubject(household, cadre);
            }
            if (page.Count < 500) break;
        }
        await foreach (var site in _sites.ListAsync(countyId, cancellationToken).ConfigureAwait(false))
            yield return await SiteSubjectAsync(countyId, site, cadreCache, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DutySubject> SiteSubjectAsync(string countyId, Cases.Site site, Dictionary<(string, string), CadreContact?> cache,
        CancellationToken cancellationToken)
    {
        CadreContact? cadre = null;
        if (site.ResponsibleCadre is { Length: > 0 } responsible)
        {
            var key = (responsible, site.Township);
            if (!cache.TryGetValue(key, out cadre))
                cache[key] = cadre = await cadres.FindAsync(countyId, responsible, site.Township, cancellationToken).ConfigureAwait(false);
        }
        return new DutySubject(site.SiteNo, $"{site.Name}（{site.Township}{site.Village}）", [site.Type], cadre?.UserId,
            cadre?.Name ?? site.ResponsibleCadre, site.Township, site.Since ?? ChinaTime.DateOf(site.ImportedAt), site.Village);
    }

    /// <summary>One household by 户编号, or another subject by its 编号, or null.</summary>
    public async Task<DutySubject?> FindAsync(string countyId, string householdNo, CancellationToken cancellationToken = default)
    {
        var household = (await documents.ReadAsync<CaseRecords.HouseholdRecord>(CaseRecords.Household(countyId, householdNo), cancellationToken)
            .ConfigureAwait(false))?.Value;
        if (household is null)
            return await _sites.GetAsync(countyId, householdNo, cancellationToken).ConfigureAwait(false) is { } site
                ? await SiteSubjectAsync(countyId, site, [], cancellationToken).ConfigureAwait(false)
                : null;
        var cadre = household.ResponsibleCadre is { Length: > 0 } responsible
            ? await cadres.FindAsync(countyId, responsible, household.Township, cancellationToken).ConfigureAwait(false)
            : null;
        return ToSubject(household, cadre);
    }

    internal static DutySubject ToSubject(CaseRecords.HouseholdRecord household, CadreContact? cadre)
    {
        var categories = new List<string> { "household" };
        var category = household.Category ?? "";
        var monitoring = MonitoringWords.Any(w => category.Contains(w, StringComparison.Ordinal));
        if (monitoring)
        {
            categories.Add(category.Contains("消除", StringComparison.Ordinal) ? "monitoring-cleared" : "monitoring");
            if (household.IncludedOn is not null) categories.Add("new-monitoring");
        }
        if (category.Contains("搬迁", StringComparison.Ordinal)) categories.Add("relocation");
        var since = household.IncludedOn ?? ChinaTime.DateOf(household.ImportedAt);
        return new DutySubject(household.HouseholdNo, $"{household.HeadName}户（{household.Village}）", categories, cadre?.UserId,
            cadre?.Name ?? household.ResponsibleCadre, household.Township, since, household.Village);
    }
}
