namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// The ways a message can reach someone, in the words of the delivery order (<c>Reminders:Delivery:Order</c>) and of
/// the attempt records on each outbox entry.
/// </summary>
public static class DeliveryRoutes
{
    /// <summary>A 订阅通知 under a long-term consent (政务民生 accounts): one consent, many messages.</summary>
    public const string SubscriptionLongTerm = "subscription-long";

    /// <summary>A customer-service message while the farmer's window is open and its quota allows.</summary>
    public const string CustomerService = "custom";

    /// <summary>A 订阅通知 under a one-time consent (each acceptance allows one).</summary>
    public const string SubscriptionOneTime = "subscription-once";

    /// <summary>A template message: at most one per subject per month, fields within the platform's limits.</summary>
    public const string Template = "template";

    /// <summary>The responsible cadre on WeCom, who passes the message on by phone or in person.</summary>
    public const string Cadre = "cadre";

    /// <summary>A cadre's own message (WeCom app message or task card).</summary>
    public const string WeComApp = "wecom";

    /// <summary>The default order for farmers.</summary>
    public const string DefaultOrder = "subscription-long,custom,subscription-once,template,cadre";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        SubscriptionLongTerm, CustomerService, SubscriptionOneTime, Template, Cadre,
    };

    /// <summary>"subscription-long, custom ,template" → the known routes in that order (unknown names ignored).</summary>
    public static IReadOnlyList<string> Parse(string? order)
    {
        var routes = (order ?? "").Split([',', ';', ' ', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Known.Contains).Distinct(StringComparer.Ordinal).ToList();
        return routes.Count > 0 ? routes : Parse(DefaultOrder);
    }

    /// <summary>The <see cref="Outbox.OutboxEntry.DeliveredVia"/> value of a route.</summary>
    public static string Via(string route) => route switch
    {
        SubscriptionLongTerm => "wechat:subscription-long",
        SubscriptionOneTime => "wechat:subscription-once",
        CustomerService => "wechat:custom",
        Template => "wechat:template",
        Cadre => "wecom:fallback",
        _ => "wecom:app",
    };
}
