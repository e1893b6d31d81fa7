namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// A token bucket per channel (burst = one second's worth), waiting on <see cref="TimeProvider"/> so tests that move
/// time are not slowed down. One per process; each instance of the service has its own budget.
/// </summary>
public sealed class ChannelRateLimiter(DeliveryOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async ValueTask WaitAsync(string channel, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var rate = options.RatePerSecond.TryGetValue(channel, out var r) ? r : options.DefaultRatePerSecond;
                if (rate <= 0) return;
                if (!_buckets.TryGetValue(channel, out var bucket))
                    _buckets[channel] = bucket = new Bucket { Tokens = Math.Max(1, rate), Stamp = time.GetTimestamp() };
                var now = time.GetTimestamp();
                var capacity = Math.Max(1, rate);
                bucket.Tokens = Math.Min(capacity, bucket.Tokens + time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * rate);
                bucket.Stamp = now;
                if (bucket.Tokens >= 1)
                {
                    bucket.Tokens -= 1;
                    return;
                }
                wait = TimeSpan.FromSeconds((1 - bucket.Tokens) / rate);
            }
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long Stamp;
    }
}
