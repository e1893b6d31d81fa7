namespace AssistBot.Scheduler.Delivery;

/// <summary>What a send did; <see cref="ErrorCode"/> is the platform's errcode when there was one.</summary>
public readonly record struct SendOutcome(SendStatus Status, int? ErrorCode = null, string? Detail = null)
{
    public static SendOutcome Ok { get; } = new(SendStatus.Ok);

    public bool IsOk => Status == SendStatus.Ok;

    public static SendOutcome Skip(string reason) => new(SendStatus.Skipped, null, reason);

    /// <summary>What the attempt record says: the skip reason, the platform errcode, or a short word.</summary>
    public string Reason => Status switch
    {
        SendStatus.Ok => "",
        SendStatus.Skipped => Detail ?? "skipped",
        _ when ErrorCode is { } code and not 0 => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SendStatus.OutsideWindow => DeliveryReasons.WindowClosed,
        SendStatus.TooFrequent => DeliveryReasons.QuotaUsed,
        SendStatus.Unsubscribed => DeliveryReasons.Unsubscribed,
        SendStatus.Transient => "error",
        _ => Detail ?? "error",
    };

    public override string ToString() =>
        ErrorCode is null ? $"{Status}{(Detail is null ? "" : ": " + Detail)}" : $"{Status} {ErrorCode}{(Detail is null ? "" : ": " + Detail)}";
}
