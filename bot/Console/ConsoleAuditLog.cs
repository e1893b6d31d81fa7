using AssistBot.Bot.Storage;

namespace AssistBot.Bot.StaffConsole;

/// <summary>The console's own audit log per county (time-ordered), besides each declaration's trail.</summary>
public sealed class ConsoleAuditLog(IDocumentStore documents, IScoredIndex scoredIndex, TimeProvider time,
    ILogger<ConsoleAuditLog> logger)
{
    public async Task RecordAsync(string county, string actor, string action, string subject, string? reason, CancellationToken ct = default)
    {
        var entry = new ConsoleAuditEntry(time.GetUtcNow(), actor, action, subject, reason);
        var id = Guid.NewGuid().ToString("N");
        await documents.WriteAsync(Key(county, id), entry, WriteCondition.IfNotExists, null, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(Index(county), id, entry.At.ToUnixTimeMilliseconds(), ct).ConfigureAwait(false);
        logger.LogWarning("Console audit {County}: {Actor} {Action} {Subject} ({Reason})", county, actor, action, subject, reason);
    }

    /// <summary>Entries about <paramref name="subject"/> (or all when null), newest first.</summary>
    public async Task<IReadOnlyList<ConsoleAuditEntry>> ListAsync(string county, string? subject, int take = 200, CancellationToken ct = default)
    {
        var page = await scoredIndex.IndexRangeByScoreAsync(Index(county), double.NegativeInfinity, double.PositiveInfinity, 0, 5000, ct).ConfigureAwait(false);
        var result = new List<ConsoleAuditEntry>();
        foreach (var entry in page.Reverse())
        {
            if (await documents.ReadAsync<ConsoleAuditEntry>(Key(county, entry.Member), ct).ConfigureAwait(false) is not { } item) continue;
            if (subject is null || item.Value.Subject == subject) result.Add(item.Value);
            if (result.Count >= take) break;
        }
        return result;
    }

    private static string Key(string county, string id) => $"console:audit:{county}:{id}";

    private static string Index(string county) => $"console:audit-index:{county}";
}
