using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

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
