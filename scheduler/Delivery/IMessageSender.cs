using AssistBot.Scheduler.Outbox;

namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Sends one message on WeChat (Official Account) or WeCom. Implemented by the bot with the channel API clients;
/// it reports what happened as a <see cref="SendOutcome"/> rather than throwing for API errors.
/// </summary>
public interface IMessageSender
{
    /// <summary>
    /// A text message: for "wechat" a customer-service message (only inside the 48-hour window, else
    /// <see cref="SendStatus.OutsideWindow"/>); for "wecom" an app message.
    /// </summary>
    ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A WeChat template message with the county's template for <see cref="OutboxTemplate.Kind"/>;
    /// <see cref="SendStatus.Permanent"/> when the county has none configured.
    /// </summary>
    /// <param name="idempotencyKey">Passed to the platform (client_msg_id) so a repeated send is not delivered twice.</param>
    ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A 订阅通知 of <see cref="OutboxTemplate.Kind"/> under the farmer's consent: <paramref name="longTerm"/> picks the
    /// long-term or the one-time route (a county's template for a kind is one or the other). <see cref="SendStatus.Skipped"/>
    /// with <see cref="DeliveryReasons.NoConsent"/> or <see cref="DeliveryReasons.NotConfigured"/> when it cannot be used.
    /// </summary>
    ValueTask<SendOutcome> SendSubscriptionAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template, bool longTerm,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SendOutcome.Skip(DeliveryReasons.NotConfigured));

    /// <summary>
    /// A cadre's messages of one round in one go: one item as a task card with buttons (or a text, where the county's
    /// WeCom app receives no callbacks), several as one digest card. This default sends each as a text.
    /// </summary>
    async ValueTask<SendOutcome> SendCadreItemsAsync(string countyId, OutboxRecipient cadre, IReadOnlyList<OutboxMessage> items,
        CancellationToken cancellationToken = default)
    {
        var last = SendOutcome.Ok;
        foreach (var item in items)
        {
            last = await SendTextAsync(countyId, cadre, item.Text, cancellationToken).ConfigureAwait(false);
            if (!last.IsOk) return last;
        }
        return last;
    }

    /// <summary>
    /// Without sending or using anything up: why <paramref name="route"/> would be skipped for <paramref name="message"/>
    /// now (a <see cref="DeliveryReasons"/> word), or null when it looks usable. For <c>reminders preview</c>.
    /// </summary>
    ValueTask<string?> WhyNotAsync(string route, OutboxMessage message, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(null);
}

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
