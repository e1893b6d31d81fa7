namespace AssistBot.Scheduler.Delivery;

/// <summary>Outbox delivery settings (<c>Reminders:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Reminders:Delivery";

    /// <summary>How often the worker looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages taken per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Reminder pointer batches (up to 500 each) turned into messages in a round that found fewer due messages than
    /// <see cref="BatchSize"/>: keeps the queue of full messages short however many reminders fall due at once.
    /// </summary>
    public int ExpandBatches { get; set; } = 2;

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

    /// <summary>
    /// The order of routes to a farmer (<see cref="DeliveryRoutes"/>), comma-separated; the first that works delivers.
    /// Default: long-term 订阅通知 → customer-service message → one-time 订阅通知 → template message → the cadre.
    /// </summary>
    public string Order { get; set; } = DeliveryRoutes.DefaultOrder;

    /// <summary>A county's own order (<c>Reminders:Delivery:CountyOrder:{county}</c>), replacing <see cref="Order"/> there.</summary>
    public Dictionary<string, string> CountyOrder { get; set; } = new(StringComparer.Ordinal);

    /// <summary>WeCom: messages one app may send one member per minute (the platform drops the excess silently).</summary>
    public int WeComPerMemberPerMinute { get; set; } = 30;

    /// <summary>WeCom: messages one app may send one member per hour.</summary>
    public int WeComPerMemberPerHour { get; set; } = 1000;

    /// <summary>A cadre's items taken in one round go out as one digest card instead of one message each.</summary>
    public bool CadreDigest { get; set; } = true;

    public IReadOnlyList<string> OrderFor(string countyId) =>
        DeliveryRoutes.Parse(CountyOrder.TryGetValue(countyId, out var order) && !string.IsNullOrWhiteSpace(order) ? order : Order);
}
