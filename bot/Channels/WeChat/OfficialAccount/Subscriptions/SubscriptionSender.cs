using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// Sends one 订阅通知 of a reminder kind to a farmer if — and only if — the farmer's consent allows it: takes the
/// send from the consent record, fits the fields (<see cref="SubscriptionFields"/>), calls bizsend, records 43101.
/// </summary>
public sealed class SubscriptionSender(WeChatApiClient api, ISubscriptionConsents consents, ILogger<SubscriptionSender> logger)
{
    public const int ConsentUsedUp = 43101;

    /// <param name="values">The reminder's values by name (what the template's field mapping refers to).</param>
    public async Task<SubscriptionSendOutcome> SendAsync(County county, string kind, string openId,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var account = county.Options.WeChat;
        if (!account.Subscriptions.TryGetValue(kind, out var template) || string.IsNullOrEmpty(template.TemplateId)
            || !WeChatApiClient.IsConfigured(account))
            return new SubscriptionSendOutcome(SubscriptionSendStatus.NotConfigured);
        if (!await consents.TryUseAsync(county.Id, openId, template.TemplateId, cancellationToken).ConfigureAwait(false))
            return new SubscriptionSendOutcome(SubscriptionSendStatus.NoConsent);

        var data = SubscriptionFields.Compose(template, values);
        var result = await api.SendSubscriptionAsync(account, openId, template.TemplateId, data, template.Page, cancellationToken)
            .ConfigureAwait(false);
        if (result.IsOk) return new SubscriptionSendOutcome(SubscriptionSendStatus.Sent, result);
        if (result.ErrorCode == ConsentUsedUp)
        {
            logger.LogInformation("订阅通知 {Kind} to {County}/{User}: 43101, consent used up or refused", kind, county.Id, openId);
            await consents.MarkRefusedAsync(county.Id, openId, template.TemplateId, revoked: false, cancellationToken).ConfigureAwait(false);
            return new SubscriptionSendOutcome(SubscriptionSendStatus.Refused, result);
        }
        if (result.IsRetryable) await consents.GiveBackAsync(county.Id, openId, template.TemplateId, cancellationToken).ConfigureAwait(false);
        return new SubscriptionSendOutcome(SubscriptionSendStatus.Failed, result);
    }
}
