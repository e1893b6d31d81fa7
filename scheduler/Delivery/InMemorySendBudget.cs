using System.Collections.Concurrent;

namespace AssistBot.Scheduler.Delivery;

/// <summary>An in-process <see cref="ISendBudget"/> (tests and hosts without shared storage).</summary>
public sealed class InMemorySendBudget(TimeProvider time) : ISendBudget
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var slot = time.GetUtcNow().ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var count = _counts.AddOrUpdate($"{key}@{window.TotalSeconds}:{slot}", 1, (_, c) => c + 1);
        return ValueTask.FromResult(count <= limit);
    }
}
