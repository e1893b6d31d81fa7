using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Delivery;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// <see cref="ISendBudget"/> over storage counters, so every instance counts against the same per-recipient limits:
/// one counter per key and fixed window (INCR with expiry), e.g. a WeCom member's sends this minute.
/// </summary>
public sealed class StorageSendBudget(ICounterStore storage, TimeProvider time) : ISendBudget
{
    public async ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var slot = time.GetUtcNow().ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var count = await storage.IncrementAsync($"sendbudget/{key}/{(long)window.TotalSeconds}/{slot}", 1, window * 2, cancellationToken)
            .ConfigureAwait(false);
        return count <= limit;
    }
}
