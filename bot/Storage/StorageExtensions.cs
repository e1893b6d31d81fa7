namespace AssistBot.Bot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Read-modify-write with optimistic concurrency: reads, applies <paramref name="update"/> and writes with the
    /// ETag it read, retrying on conflict. <paramref name="update"/> may run more than once, so keep it pure.
    /// </summary>
    public static async ValueTask<T> UpdateAsync<T>(this IDocumentStore storage, string key, Func<T?, T> update,
        int maxAttempts = 64, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await storage.ReadAsync<T>(key, cancellationToken).ConfigureAwait(false);
            var next = update(current is null ? default : current.Value);
            try
            {
                await storage.WriteAsync(key, next, WriteCondition.For(current), timeToLive, cancellationToken).ConfigureAwait(false);
                return next;
            }
            catch (StorageConflictException) when (attempt < maxAttempts)
            {
                await Task.Delay(Random.Shared.Next(0, Math.Min(attempt, 10)), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
