namespace AssistBot.Bot.Storage;

/// <summary>Atomic counters with optional expiry (quotas, budgets, sequence numbers).</summary>
public interface ICounterStore
{
    /// <summary>Atomically adds <paramref name="by"/> to a counter (created at 0) and returns the new value.</summary>
    ValueTask<long> IncrementAsync(string key, long by = 1, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default);
}
