using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>
/// The answers of a declaration being filled in. Kept in its own document with a 7-day time-to-live (refreshed on
/// every answer), so a form abandoned for 7 days disappears without a trace; the dialog state only holds which
/// question is open. 身份证号 and phone are held protected, like in the record.
/// </summary>
public sealed record DeclarationDraft
{
    public string? HeadName { get; init; }
    public string? IdNumberProtected { get; init; }
    public bool IdNumberDeferred { get; init; }
    public string? PhoneProtected { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    public int? HouseholdSize { get; init; }
    public IReadOnlyList<HardshipType>? Hardships { get; init; }
    public string? Description { get; init; }
    public decimal? Income { get; init; }
    public bool IncomeAnswered { get; init; }

    /// <summary>Set once submitted, so a re-run turn shows the same result instead of filing again.</summary>
    public string? SubmittedId { get; init; }

    public bool SubmittedAsDuplicate { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Drafts by county and user, each expiring 7 days after its last change.</summary>
public sealed class DeclarationDraftStore(IDocumentStore storage, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>How long a submitted draft stays (only its outcome matters then).</summary>
    public static readonly TimeSpan SubmittedLifetime = TimeSpan.FromHours(1);

    private static string Key(string county, string channel, string userId) => $"cases/{county}/drafts/{channel}:{userId}";

    public async Task<DeclarationDraft?> GetAsync(string county, string channel, string userId, CancellationToken ct = default) =>
        (await storage.ReadAsync<DeclarationDraft>(Key(county, channel, userId), ct).ConfigureAwait(false))?.Value;

    public async Task<DeclarationDraft> SaveAsync(string county, string channel, string userId, DeclarationDraft draft, CancellationToken ct = default)
    {
        var saved = draft with { UpdatedAt = time.GetUtcNow() };
        await storage.WriteAsync(Key(county, channel, userId), saved, WriteCondition.Always,
            saved.SubmittedId is null ? Lifetime : SubmittedLifetime, ct).ConfigureAwait(false);
        return saved;
    }

    public async Task<DeclarationDraft> StartAsync(string county, string channel, string userId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return await SaveAsync(county, channel, userId, new DeclarationDraft { StartedAt = now, UpdatedAt = now }, ct).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string county, string channel, string userId, CancellationToken ct = default) =>
        await storage.DeleteAsync(Key(county, channel, userId), ct).ConfigureAwait(false);
}
