namespace AssistBot.Bot.Cases;

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
