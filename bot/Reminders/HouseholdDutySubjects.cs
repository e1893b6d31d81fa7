using System.Runtime.CompilerServices;
using AssistBot.Bot.Cases;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Duty subjects from the cases part's imports. Households: every household ("household": 住房安全), monitoring
/// households ("monitoring", or "monitoring-cleared" once the risk is eliminated), newly identified ones
/// ("new-monitoring", anchored at the identification date) and relocated ones ("relocation"). Then the other
/// subjects (<see cref="Site"/>: 光伏电站, 安置点 …), whose category is their pack subject type (pv-station …).
/// </summary>
public sealed class HouseholdDutySubjects(IHouseholdReader households, SiteStore sites, ICadreDirectory cadres) : IDutySubjects
{
    private static readonly string[] MonitoringWords = ["监测", "脱贫不稳定", "边缘易致贫", "突发严重困难"];

    public async IAsyncEnumerable<DutySubject> ListAsync(string countyId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cadreCache = new Dictionary<(string, string), CadreContact?>();
        // One index read and one batch read per page of 500.
        string? after = null;
        do
        {
            var page = await households.PageAsync(countyId, after, 500, cancellationToken).ConfigureAwait(false);
            foreach (var household in page.Items)
            {
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
            after = page.Next;
        } while (after is not null);
        await foreach (var site in sites.ListAsync(countyId, cancellationToken).ConfigureAwait(false))
            yield return await SiteSubjectAsync(countyId, site, cadreCache, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DutySubject> SiteSubjectAsync(string countyId, Site site, Dictionary<(string, string), CadreContact?> cache,
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
        var household = await households.GetAsync(countyId, householdNo, cancellationToken).ConfigureAwait(false);
        if (household is null)
            return await sites.GetAsync(countyId, householdNo, cancellationToken).ConfigureAwait(false) is { } site
                ? await SiteSubjectAsync(countyId, site, [], cancellationToken).ConfigureAwait(false)
                : null;
        var cadre = household.ResponsibleCadre is { Length: > 0 } responsible
            ? await cadres.FindAsync(countyId, responsible, household.Township, cancellationToken).ConfigureAwait(false)
            : null;
        return ToSubject(household, cadre);
    }

    internal static DutySubject ToSubject(Household household, CadreContact? cadre)
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
