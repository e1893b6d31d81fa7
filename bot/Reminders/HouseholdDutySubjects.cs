using System.Runtime.CompilerServices;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Duty subjects from the imported households: every household ("household": 住房安全), monitoring households
/// ("monitoring", or "monitoring-cleared" once the risk is eliminated), newly identified ones ("new-monitoring",
/// anchored at the identification date) and relocated ones ("relocation").
/// </summary>
public sealed class HouseholdDutySubjects(IStorage storage, ICadreDirectory cadres) : IDutySubjects
{
    private static readonly string[] MonitoringWords = ["监测", "脱贫不稳定", "边缘易致贫", "突发严重困难"];

    public async IAsyncEnumerable<DutySubject> ListAsync(string countyId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cadreCache = new Dictionary<(string, string), CadreContact?>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await storage.IndexRangeByScoreAsync(CaseRecords.HouseholdIndex(countyId), double.MinValue, double.MaxValue, skip, 500,
                cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                var household = (await storage.ReadAsync<CaseRecords.HouseholdRecord>(CaseRecords.Household(countyId, entry.Member),
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
            if (page.Count < 500) yield break;
        }
    }

    /// <summary>One household by 户编号, or null.</summary>
    public async Task<DutySubject?> FindAsync(string countyId, string householdNo, CancellationToken cancellationToken = default)
    {
        var household = (await storage.ReadAsync<CaseRecords.HouseholdRecord>(CaseRecords.Household(countyId, householdNo), cancellationToken)
            .ConfigureAwait(false))?.Value;
        if (household is null) return null;
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
            cadre?.Name ?? household.ResponsibleCadre, household.Township, since);
    }
}
