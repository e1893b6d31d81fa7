using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Reminders;

/// <summary>Completed duties per subject, one small document each: duty id → last completion.</summary>
public sealed class StorageDutyLedger(IDocumentStore storage) : IDutyLedger
{
    public sealed record DutyRecord(DateOnly Done, string By, string? Note);

    private static string Key(string county, string subject) => $"duties/{county}/{subject}";

    public async ValueTask<IReadOnlyDictionary<string, DateOnly>> LastDoneAsync(string countyId, string subjectId,
        CancellationToken cancellationToken = default)
    {
        var item = await storage.ReadAsync<Dictionary<string, DutyRecord>>(Key(countyId, subjectId), cancellationToken).ConfigureAwait(false);
        return item is null
            ? new Dictionary<string, DateOnly>()
            : item.Value.ToDictionary(p => p.Key, p => p.Value.Done, StringComparer.Ordinal);
    }

    public async ValueTask RecordAsync(string countyId, string subjectId, IEnumerable<string> dutyIds, DateOnly done, string by, string? note,
        CancellationToken cancellationToken = default)
    {
        var ids = dutyIds.ToList();
        await storage.UpdateAsync<Dictionary<string, DutyRecord>>(Key(countyId, subjectId), existing =>
        {
            var next = existing is null ? new Dictionary<string, DutyRecord>(StringComparer.Ordinal) : new(existing, StringComparer.Ordinal);
            foreach (var id in ids)
                if (!next.TryGetValue(id, out var before) || before.Done <= done) next[id] = new DutyRecord(done, by, note);
            return next;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
