namespace AssistBot.Bot.Cases;

/// <summary>Reads imported households by 户编号: one, many at once, or a county page by page.</summary>
public interface IHouseholdReader
{
    Task<Household?> GetAsync(string county, string householdNo, CancellationToken ct = default);

    /// <summary>Many households in one round trip; aligned with <paramref name="householdNos"/> (null where there is none).</summary>
    Task<IReadOnlyList<Household?>> GetManyAsync(string county, IReadOnlyList<string> householdNos, CancellationToken ct = default);

    /// <summary>Up to <paramref name="take"/> households after the cursor <paramref name="after"/> (null: from the start).</summary>
    Task<CasePage<Household>> PageAsync(string county, string? after, int take, CancellationToken ct = default);
}
