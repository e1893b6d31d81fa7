namespace AssistBot.Scheduler.Delivery;

public enum SendStatus
{
    Ok,

    /// <summary>45015: outside the 48-hour customer-service window (or the user unfollowed).</summary>
    OutsideWindow,

    /// <summary>45047: the customer-service quota for this window is used up.</summary>
    TooFrequent,

    /// <summary>43004 (or a known unsubscribe): the user does not follow the account.</summary>
    Unsubscribed,

    /// <summary>Worth retrying later: -1 busy, 45009 frequency limit, network errors, 5xx.</summary>
    Transient,

    /// <summary>Will not work on retry: invalid openid, blacklisted, no template configured …</summary>
    Permanent,

    /// <summary>The route was not tried: <see cref="SendOutcome.Detail"/> is the <see cref="DeliveryReasons"/> word.</summary>
    Skipped,
}
