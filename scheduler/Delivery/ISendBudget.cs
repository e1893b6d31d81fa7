namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Counters per recipient shared by every instance (the bot implements it over its storage): at most
/// <c>limit</c> sends per fixed window, so WeCom's per-member limits hold however many workers run.
/// </summary>
public interface ISendBudget
{
    /// <summary>Takes one send from <paramref name="key"/>'s budget for the current window; false when it is used up.</summary>
    ValueTask<bool> TryTakeAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default);
}
