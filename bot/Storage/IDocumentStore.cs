namespace AssistBot.Bot.Storage;

/// <summary>
/// JSON documents with ETag optimistic concurrency, shaped like Bot Builder's <c>IStorage</c>. Keys are plain strings such
/// as <c>wechat/users/o6_bm...</c>; implementations add their own namespace.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Reads a document, or null when the key is absent (or expired).</summary>
    ValueTask<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a document under the given condition and returns its new ETag.
    /// Throws <see cref="StorageConflictException"/> when the condition does not hold.
    /// </summary>
    ValueTask<string> WriteAsync<T>(string key, T value, WriteCondition condition, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes a document; returns false when it did not exist.</summary>
    ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Reads many documents; the result is aligned with <paramref name="keys"/> (null where a key is absent).</summary>
    ValueTask<IReadOnlyList<StoreItem<T>?>> ReadManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);
}
