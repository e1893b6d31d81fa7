using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// Per-user fixed-window limit (default 20 messages per 10 s), so one account cannot flood the bot.
/// Kept in memory per instance: behind a load balancer each instance enforces it separately, which still bounds
/// a flood (WeChat itself sends one user's messages slowly) without a storage round trip per message.
/// </summary>
public sealed class WeChatRateLimiter(IOptionsMonitor<WeChatChannelOptions> options, TimeProvider time)
{
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _lastSweep;

    // ConcurrentDictionary.Count takes every bucket lock; with fewer users than the threshold it was read on every
    // message once a window had passed. The size is tracked here instead (approximate under races; it only decides
    // when to sweep).
    private int _windowCount;

    /// <summary>Counts one message for <paramref name="userKey"/>; false when the user is over the limit.</summary>
    public bool TryAcquire(string userKey)
    {
        var settings = options.CurrentValue;
        var now = time.GetTimestamp();
        var windowTicks = (long)(settings.RateLimitWindow.TotalSeconds * TimeProviderFrequency);
        // Forget idle users now and then (at most once per window), so memory follows the active users.
        var lastSweep = Volatile.Read(ref _lastSweep);
        if (now - lastSweep >= windowTicks && Volatile.Read(ref _windowCount) > SweepThreshold
            && Interlocked.CompareExchange(ref _lastSweep, now, lastSweep) == lastSweep)
            Sweep(now, windowTicks);
        if (!_windows.TryGetValue(userKey, out var window))
        {
            var added = new Window();
            window = _windows.GetOrAdd(userKey, added);
            if (ReferenceEquals(window, added)) Interlocked.Increment(ref _windowCount);
        }
        lock (window)
        {
            if (now - window.Start >= windowTicks || window.Count == 0)
            {
                window.Start = now;
                window.Count = 0;
            }
            window.Count++;
            return window.Count <= settings.RateLimitMessages;
        }
    }

    private double TimeProviderFrequency => time.TimestampFrequency;

    private void Sweep(long now, long windowTicks)
    {
        foreach (var (key, window) in _windows)
            if (now - window.Start >= windowTicks && _windows.TryRemove(key, out _)) Interlocked.Decrement(ref _windowCount);
    }

    private sealed class Window
    {
        public long Start;
        public int Count;
    }
}
