namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Why a route was skipped or failed, as recorded on the outbox entry (a small vocabulary the console and the admin
/// view read; a platform error is recorded as its errcode, e.g. "45047").
/// </summary>
public static class DeliveryReasons
{
    /// <summary>The farmer has no (usable) 订阅通知 consent for this kind: none, declined, revoked, used up, "退订".</summary>
    public const string NoConsent = "no-consent";

    /// <summary>No message from the farmer within 48 hours (nor a click/follow/scan within a minute).</summary>
    public const string WindowClosed = "window-closed";

    /// <summary>The window is open but its customer-service quota is used up (5 per message, 3 per click/follow/scan).</summary>
    public const string QuotaUsed = "quota-used";

    /// <summary>A template message about this subject already went to this farmer this month.</summary>
    public const string TemplateMonthlyLimit = "template-monthly-limit";

    /// <summary>Nobody to send to on this route: the farmer's WeChat is not bound (or no cadre on the roster).</summary>
    public const string NotBound = "not-bound";

    /// <summary>The farmer unfollowed the account.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The county has not configured this route (no template / subscription template / AppId).</summary>
    public const string NotConfigured = "not-configured";

    /// <summary>The message has no content for this route (no template fields, no fallback text).</summary>
    public const string NotApplicable = "not-applicable";

    /// <summary>The recipient's per-person limit is reached for now (WeCom 30/min or 1000/h); tried again later.</summary>
    public const string RecipientLimit = "recipient-limit";
}
