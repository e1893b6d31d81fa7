namespace AssistBot.Bot.Cases;

/// <summary>
/// One page of a keyset sweep over a county's records: the records found and the cursor to pass for the next page
/// (null when this was the last). A page may hold fewer records than asked for when an index entry has no record.
/// </summary>
public sealed record CasePage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>Reads the imported roster (cadres by WeCom UserId): one, many at once, or a county page by page.</summary>
public interface IRosterReader
{
    Task<Cadre?> GetAsync(string county, string userId, CancellationToken ct = default);

    /// <summary>Many cadres in one round trip; aligned with <paramref name="userIds"/> (null where there is none).</summary>
    Task<IReadOnlyList<Cadre?>> GetManyAsync(string county, IReadOnlyList<string> userIds, CancellationToken ct = default);

    /// <summary>Up to <paramref name="take"/> cadres after the cursor <paramref name="after"/> (null: from the start).</summary>
    Task<CasePage<Cadre>> PageAsync(string county, string? after, int take, CancellationToken ct = default);

    /// <summary>The whole roster of a county (paged underneath).</summary>
    Task<IReadOnlyList<Cadre>> ListAsync(string county, CancellationToken ct = default);
}

/// <summary>Reads imported households by 户编号: one, many at once, or a county page by page.</summary>
public interface IHouseholdReader
{
    Task<Household?> GetAsync(string county, string householdNo, CancellationToken ct = default);

    /// <summary>Many households in one round trip; aligned with <paramref name="householdNos"/> (null where there is none).</summary>
    Task<IReadOnlyList<Household?>> GetManyAsync(string county, IReadOnlyList<string> householdNos, CancellationToken ct = default);

    /// <summary>Up to <paramref name="take"/> households after the cursor <paramref name="after"/> (null: from the start).</summary>
    Task<CasePage<Household>> PageAsync(string county, string? after, int take, CancellationToken ct = default);
}

/// <summary>Reads bindings: a user's bound records, and who is bound to a record (household, loan).</summary>
public interface IBindingReader
{
    Task<UserBinding?> GetAsync(string county, string channel, string userId, CancellationToken ct = default);

    /// <summary>Users bound to a record ("channel:userId"), oldest binding first.</summary>
    Task<IReadOnlyList<string>> BoundUsersAsync(string county, BindingSubject subject, int take = 100, CancellationToken ct = default);

    /// <summary>
    /// <see cref="BoundUsersAsync"/> for many records in one round trip; aligned with <paramref name="subjects"/>.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<string>>> BoundUsersManyAsync(string county, IReadOnlyList<BindingSubject> subjects, int take,
        CancellationToken ct = default);
}
