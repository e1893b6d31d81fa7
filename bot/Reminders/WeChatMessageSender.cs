using AssistBot.Bot.Hosting;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// The delivery worker's sender over the WeChat channel's API clients. A farmer who unfollowed, or who has not
/// written within 48 hours, is answered without an API call (Unsubscribed / OutsideWindow), so the worker moves
/// straight to the template message or the cadre.
/// </summary>
public sealed class WeChatMessageSender(Counties counties, WeChatApiClient weChat, WeComApiClient weCom, WeChatUserDirectory users)
    : IMessageSender
{
    public async ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text,
        CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var county)) return new SendOutcome(SendStatus.Permanent, null, $"unknown county {countyId}");
        if (recipient.Channel == OutboxRecipient.WeCom)
            return Map(await weCom.SendTextAsync(county.Options.WeCom, recipient.UserId, text, cancellationToken).ConfigureAwait(false));
        if (recipient.Channel != OutboxRecipient.WeChat)
            return new SendOutcome(SendStatus.Permanent, null, $"unknown channel {recipient.Channel}");

        var user = await users.GetAsync(county.Id, recipient.UserId, cancellationToken).ConfigureAwait(false);
        if (user is { Subscribed: false }) return new SendOutcome(SendStatus.Unsubscribed, 43004, "user unsubscribed");
        if (!await users.IsCustomerServiceWindowOpenAsync(county.Id, recipient.UserId, cancellationToken).ConfigureAwait(false))
            return new SendOutcome(SendStatus.OutsideWindow, 45015, "no message from the user within 48 hours");
        return Map(await weChat.SendCustomerServiceTextAsync(county.Options.WeChat, recipient.UserId, text, cancellationToken)
            .ConfigureAwait(false));
    }

    public async ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var county)) return new SendOutcome(SendStatus.Permanent, null, $"unknown county {countyId}");
        if (!county.Options.WeChat.Templates.TryGetValue(template.Kind, out var templateId) || string.IsNullOrEmpty(templateId))
            return new SendOutcome(SendStatus.Permanent, null, $"no template configured (Counties:{county.Id}:WeChat:Templates:{template.Kind})");
        return Map(await weChat.SendTemplateAsync(county.Options.WeChat,
            new WeChatTemplateMessage(recipient.UserId, templateId, template.Fields, ClientMsgId: idempotencyKey), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The channel's result classes as the delivery worker needs them.</summary>
    public static SendOutcome Map(WeChatSendResult result) => new(result.Status switch
    {
        WeChatSendStatus.Ok => SendStatus.Ok,
        WeChatSendStatus.OutsideWindow => SendStatus.OutsideWindow,
        // 45047 is this user's customer-service quota: a template still works. 45009/45033 are API-wide: wait.
        WeChatSendStatus.TooFrequent => result.ErrorCode == 45047 ? SendStatus.TooFrequent : SendStatus.Transient,
        WeChatSendStatus.Unsubscribed => SendStatus.Unsubscribed,
        WeChatSendStatus.InvalidToken or WeChatSendStatus.Transient => SendStatus.Transient,
        _ => SendStatus.Permanent,
    }, result.ErrorCode == 0 ? null : result.ErrorCode, result.Status == WeChatSendStatus.NotConfigured
        ? "channel not configured for this county" : result.ErrorMessage);
}
