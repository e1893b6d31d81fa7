namespace AssistBot.Scheduler.Delivery;

/// <summary>Outbox delivery settings (<c>Reminders:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Reminders:Delivery";

    /// <summary>How often the worker looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages taken per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a taken message is reserved for this worker.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message that keeps failing transiently is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubled per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sends per second per channel ("wechat", "wecom"); channels not listed use <see cref="DefaultRatePerSecond"/>.</summary>
    public Dictionary<string, double> RatePerSecond { get; set; } = new(StringComparer.Ordinal);

    public double DefaultRatePerSecond { get; set; } = 20;
}
