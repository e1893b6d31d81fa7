using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// The customer-service quota per farmer, shared by every instance through storage: what opened the window (the
/// farmer's last message: 5 messages within 48 hours; a menu click, follow or scan: 3 within a minute), how many
/// went out in it, when it closes. The window's start is the last-inbound time the channel already writes (one ZADD,
/// <see cref="WeChatUserDirectory"/>) and the click/scan/follow time (one ZADD per such event, not per message), so the
/// hot path pays nothing extra: a send counts itself with one INCR on a counter named after its window, which a new
/// window replaces and which expires with it.
/// </summary>
/// <remarks>
/// The last-inbound time is written at most every 10 minutes per instance, so a farmer who writes again within
/// 10 minutes of a recorded message does not reset the count: the quota errs on the side of sending less.
/// </remarks>
public sealed class CustomerServiceQuota(IScoredIndex scoredIndex, ICounterStore counters, WeChatUserDirectory users,
    TimeProvider time)
{
    public const int MessageQuota = 5;
    public static readonly TimeSpan MessageWindow = TimeSpan.FromHours(48);
    public const int EventQuota = 3;
    public static readonly TimeSpan EventWindow = TimeSpan.FromMinutes(1);

    public const string MessageTrigger = "message";
    public const string EventTrigger = "event";

    public static string EventIndex(string countyId) => "wechat/last-event/" + countyId;

    private static string CounterKey(string countyId, string openId, string trigger, DateTimeOffset openedAt) =>
        $"wechat/cs-sent/{countyId}/{openId}/{trigger}-{openedAt.ToUnixTimeMilliseconds()}";

    /// <summary>A menu click, follow or scan: a 3-in-a-minute window (one index write per such event).</summary>
    public ValueTask RecordEventAsync(string countyId, string openId, CancellationToken cancellationToken = default) =>
        scoredIndex.IndexAddAsync(EventIndex(countyId), openId, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);

    /// <summary>The windows open now, the short event window first (its quota is used before the message window's).</summary>
    public async ValueTask<IReadOnlyList<CustomerServiceWindow>> OpenWindowsAsync(string countyId, string openId,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var userTask = users.GetAsync(countyId, openId, cancellationToken).AsTask();
        var eventTask = scoredIndex.IndexScoreAsync(EventIndex(countyId), openId, cancellationToken).AsTask();
        var user = await userTask.ConfigureAwait(false);
        var eventMs = await eventTask.ConfigureAwait(false);
        if (user is { Subscribed: false }) return [];
        var windows = new List<CustomerServiceWindow>(2);
        if (eventMs is { } ms && DateTimeOffset.FromUnixTimeMilliseconds((long)ms) is var eventAt && now - eventAt < EventWindow)
            windows.Add(await WindowAsync(countyId, openId, EventTrigger, eventAt, EventWindow, EventQuota, cancellationToken).ConfigureAwait(false));
        // A follow also sets the last-inbound time; it opens the short window only.
        if (user?.LastInboundAt is { } last && now - last < MessageWindow && last != user.SubscribedAt)
            windows.Add(await WindowAsync(countyId, openId, MessageTrigger, last, MessageWindow, MessageQuota, cancellationToken).ConfigureAwait(false));
        return windows;
    }

    /// <summary>The window a send would use now (one with quota left, else the first open one, else closed).</summary>
    public async ValueTask<CustomerServiceWindow> GetAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var windows = await OpenWindowsAsync(countyId, openId, cancellationToken).ConfigureAwait(false);
        return windows.FirstOrDefault(w => w.HasQuota) ?? (windows.Count > 0 ? windows[0] : CustomerServiceWindow.Closed);
    }

    /// <summary>
    /// Takes one send from an open window; null when none is open or every open one is used up (then
    /// <paramref name="reason"/> says which). Give it back with <see cref="GiveBackAsync"/> if the send does not go out.
    /// </summary>
    public async ValueTask<(CustomerServiceWindow? Taken, string? Reason)> TryTakeAsync(string countyId, string openId,
        CancellationToken cancellationToken = default)
    {
        var windows = await OpenWindowsAsync(countyId, openId, cancellationToken).ConfigureAwait(false);
        if (windows.Count == 0) return (null, Scheduler.Delivery.DeliveryReasons.WindowClosed);
        foreach (var window in windows.Where(w => w.HasQuota))
        {
            var sent = await counters.IncrementAsync(CounterKey(countyId, openId, window.Trigger!, window.OpenedAt!.Value), 1,
                window.ClosesAt!.Value - time.GetUtcNow() + TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
            if (sent <= window.Limit) return (window with { Sent = (int)sent }, null);
        }
        return (null, Scheduler.Delivery.DeliveryReasons.QuotaUsed);
    }

    /// <summary>A send taken with <see cref="TryTakeAsync"/> that did not go out (a transient failure).</summary>
    public async ValueTask GiveBackAsync(string countyId, string openId, CustomerServiceWindow window, CancellationToken cancellationToken = default)
    {
        if (window.OpenedAt is not { } opened) return;
        await counters.IncrementAsync(CounterKey(countyId, openId, window.Trigger!, opened), -1, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reply the bot pushed outside the passive reply (a long answer's rest, the 5-second fallback): counted against
    /// the window it went out in, without asking (the farmer just wrote, so a window is open).
    /// </summary>
    public async ValueTask CountPushAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var window = await GetAsync(countyId, openId, cancellationToken).ConfigureAwait(false);
        if (window.OpenedAt is not { } opened) return;
        await counters.IncrementAsync(CounterKey(countyId, openId, window.Trigger!, opened), 1,
            window.ClosesAt!.Value - time.GetUtcNow() + TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>45047 from the platform: the window's quota is gone, whatever our count said.</summary>
    public async ValueTask MarkUsedUpAsync(string countyId, string openId, CustomerServiceWindow window, CancellationToken cancellationToken = default)
    {
        if (window.OpenedAt is not { } opened) return;
        await counters.IncrementAsync(CounterKey(countyId, openId, window.Trigger!, opened), window.Limit,
            window.ClosesAt!.Value - time.GetUtcNow() + TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
    }

    private async Task<CustomerServiceWindow> WindowAsync(string countyId, string openId, string trigger, DateTimeOffset openedAt,
        TimeSpan length, int limit, CancellationToken cancellationToken)
    {
        var sent = await counters.IncrementAsync(CounterKey(countyId, openId, trigger, openedAt), 0, null, cancellationToken).ConfigureAwait(false);
        return new CustomerServiceWindow(trigger, openedAt, openedAt + length, (int)Math.Max(0, sent), limit);
    }
}
