using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>Keyset pages and batch reads over the case indexes (every member scored 0, so the cursor is the member).</summary>
internal static class CasePaging
{
    public static async Task<CasePage<T>> PageAsync<T>(ISweepReads sweepReads, IDocumentStore documents, string index, Func<string, string> keyOf, string? after, int take,
        CancellationToken ct)
    {
        var entries = await sweepReads.IndexRangeAfterAsync(index, double.NegativeInfinity, double.PositiveInfinity,
            after is null ? null : new IndexEntry(after, 0), take, ct).ConfigureAwait(false);
        var items = await ReadManyAsync<T>(documents, entries.Select(e => keyOf(e.Member)).ToList(), ct).ConfigureAwait(false);
        return new CasePage<T>(items.OfType<T>().ToList(), entries.Count < take ? null : entries[^1].Member);
    }

    public static async Task<IReadOnlyList<T?>> ReadManyAsync<T>(IDocumentStore documents, IReadOnlyList<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var read = await documents.ReadManyAsync<T>(keys, ct).ConfigureAwait(false);
        return read.Select(r => r is null ? default : r.Value).ToList();
    }
}
