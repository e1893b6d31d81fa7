using AssistBot.Bot.Hosting;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.WeChat;

/// <summary>How one proactive message went out: the API result and the route ("wechat:custom", "wechat:template", "wecom:app", "wecom:fallback").</summary>
public readonly record struct WeChatDeliveryOutcome(WeChatSendResult Result, string Via)
{
    public bool IsOk => Result.IsOk;
}

/// <summary>
/// Sends an outbox message over the right WeChat route, for the scheduler's delivery worker:
/// farmers (OA) get a customer-service text while the 48-hour window is open, otherwise (or on 45015/45047) the
/// county's template for the message kind; cadres (WeCom) get an app message. When the recipient cannot be
/// reached for good (unfollowed, window closed and no template), the fallback recipient (a cadre on WeCom) gets
/// the fallback text. Transient failures are returned for the worker to retry with backoff.
/// </summary>
public sealed class WeChatOutboundSender(
    Counties counties,
    WeChatApiClient weChat,
    WeComApiClient weCom,
    WeChatUserDirectory users,
    ILogger<WeChatOutboundSender> logger)
{
    public async Task<WeChatDeliveryOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(message.CountyId, out var county))
            return new(new WeChatSendResult(WeChatSendStatus.NotConfigured, 0, $"unknown county {message.CountyId}"), "none");

        var outcome = await SendAsync(county, message.Recipient, message.Text, message.Template, message.IdempotencyKey,
            cancellationToken).ConfigureAwait(false);
        if (outcome.IsOk || outcome.Result.IsRetryable || message.FallbackRecipient is null) return outcome;

        logger.LogInformation("{Key}: {Recipient} unreachable ({Result}); notifying fallback {Fallback}",
            message.IdempotencyKey, message.Recipient, outcome.Result, message.FallbackRecipient);
        var fallback = await SendAsync(county, message.FallbackRecipient, message.FallbackText ?? message.Text, null,
            message.IdempotencyKey, cancellationToken).ConfigureAwait(false);
        return fallback.IsOk ? fallback with { Via = "wecom:fallback" } : fallback;
    }

    private async Task<WeChatDeliveryOutcome> SendAsync(County county, OutboxRecipient recipient, string text,
        OutboxTemplate? template, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (recipient.Channel == OutboxRecipient.WeCom)
            return new(await weCom.SendTextAsync(county.Options.WeCom, recipient.UserId, text, cancellationToken)
                .ConfigureAwait(false), "wecom:app");

        var user = await users.GetAsync(county.Id, recipient.UserId, cancellationToken).ConfigureAwait(false);
        if (user is { Subscribed: false })
            return new(new WeChatSendResult(WeChatSendStatus.Unsubscribed, 43004, "user unsubscribed"), "wechat:none");

        var windowOpen = await users.IsCustomerServiceWindowOpenAsync(county.Id, recipient.UserId, cancellationToken)
            .ConfigureAwait(false);
        WeChatSendResult custom = new(WeChatSendStatus.OutsideWindow, 45015, "no message from the user within 48 hours");
        if (windowOpen)
        {
            custom = await weChat.SendCustomerServiceTextAsync(county.Options.WeChat, recipient.UserId, text, cancellationToken)
                .ConfigureAwait(false);
            if (custom.IsOk || custom.Status is not (WeChatSendStatus.OutsideWindow or WeChatSendStatus.TooFrequent))
                return new(custom, "wechat:custom");
        }

        if (template is not null && county.Options.WeChat.Templates.TryGetValue(template.Kind, out var templateId)
            && !string.IsNullOrEmpty(templateId))
        {
            var sent = await weChat.SendTemplateAsync(county.Options.WeChat,
                new WeChatTemplateMessage(recipient.UserId, templateId, template.Fields, ClientMsgId: idempotencyKey),
                cancellationToken).ConfigureAwait(false);
            return new(sent, "wechat:template");
        }
        return new(custom, "wechat:custom");
    }
}
