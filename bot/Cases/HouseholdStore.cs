using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>Imported households by 户编号; keeps their binding registration in step with name, ID and phone.</summary>
public sealed class HouseholdStore(IDocumentStore documents, IScoredIndex scoredIndex, ISweepReads sweepReads, BindingRegistry bindings) : IHouseholdReader
{
    /// <summary>Creates or updates a household; true when it was new.</summary>
    public async Task<bool> UpsertAsync(Household household, CancellationToken ct = default)
    {
        var key = CaseKeys.Household(household.CountyId, household.HouseholdNo);
        var before = await documents.ReadAsync<Household>(key, ct).ConfigureAwait(false);
        var subject = new BindingSubject(BindingRegistry.HouseholdKind, household.HouseholdNo);
        if (household.BindingHash is { } hash) await bindings.RegisterAsync(household.CountyId, hash, subject, ct).ConfigureAwait(false);
        await documents.WriteAsync(key, household, WriteCondition.Always, null, ct).ConfigureAwait(false);
        if (before?.Value.BindingHash is { } old && old != household.BindingHash)
            await bindings.UnregisterAsync(household.CountyId, old, subject, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(CaseKeys.IndexHouseholds(household.CountyId), household.HouseholdNo, 0, ct).ConfigureAwait(false);
        return before is null;
    }

    public async Task<Household?> GetAsync(string county, string householdNo, CancellationToken ct = default) =>
        (await documents.ReadAsync<Household>(CaseKeys.Household(county, householdNo), ct).ConfigureAwait(false))?.Value;

    public Task<IReadOnlyList<Household?>> GetManyAsync(string county, IReadOnlyList<string> householdNos, CancellationToken ct = default) =>
        CasePaging.ReadManyAsync<Household>(documents, householdNos.Select(no => CaseKeys.Household(county, no)).ToList(), ct);

    public Task<CasePage<Household>> PageAsync(string county, string? after, int take, CancellationToken ct = default) =>
        CasePaging.PageAsync<Household>(sweepReads, documents, CaseKeys.IndexHouseholds(county), no => CaseKeys.Household(county, no), after, take, ct);
}
