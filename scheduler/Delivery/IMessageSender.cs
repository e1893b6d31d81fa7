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
