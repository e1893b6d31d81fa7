using System.Xml;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// Applies the 订阅通知 events of the Official Account callback to the consent records, once per delivery (WeChat
/// retries events like messages). No turn runs and nothing is said: the callback answers "success".
/// </summary>
public sealed class SubscriptionEventHandler(IClaimStore storage, ISubscriptionConsents consents, ILogger<SubscriptionEventHandler> logger)
{
    private static readonly TimeSpan DedupWindow = TimeSpan.FromHours(1);

    public static bool Handles(WeChatInboundMessage message) => message.IsEvent && message.Event is
        SubscriptionEventXml.PopupEvent or SubscriptionEventXml.ChangeEvent or SubscriptionEventXml.SentEvent;

    public async Task HandleAsync(County county, WeChatInboundMessage message, CancellationToken cancellationToken)
    {
        var claim = $"wechat:submsg:{county.Id}:{message.DedupId}";
        try
        {
            if (!await storage.TryClaimAsync(claim, DedupWindow, cancellationToken).ConfigureAwait(false))
                return; // a retry of an event already applied
            // Claimed: finish even if WeChat hangs up, or the retries would find the claim and skip the event.
            await ApplyAsync(county, message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage trouble: WeChat gets "success" (never a 500); the consent stays as it was, which only means fewer sends.
            logger.LogError(e, "Could not apply 订阅通知 {Event} for {County}/{User}", message.Event, county.Id, message.FromUserName);
            try { await storage.ReleaseClaimAsync(claim, CancellationToken.None).ConfigureAwait(false); } catch (Exception) { }
        }
    }

    private async Task ApplyAsync(County county, WeChatInboundMessage message, CancellationToken cancellationToken)
    {
        var openId = message.FromUserName!;
        foreach (var item in message.SubscriptionItems ?? [])
        {
            var configured = county.Options.WeChat.Subscriptions.Values.FirstOrDefault(t => t.TemplateId == item.TemplateId);
            if (configured is null)
                logger.LogWarning("订阅通知 event for template {TemplateId} that {County} has not configured; recorded as one-time",
                    item.TemplateId, county.Id);
            var longTerm = configured?.LongTerm ?? false;
            switch (message.Event)
            {
                case SubscriptionEventXml.PopupEvent:
                case SubscriptionEventXml.ChangeEvent:
                    var accepted = string.Equals(item.Status, "accept", StringComparison.OrdinalIgnoreCase);
                    await consents.RecordAsync(county.Id, openId, item.TemplateId, accepted, longTerm,
                        fromSettings: message.Event == SubscriptionEventXml.ChangeEvent, cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("订阅通知 {Event}: {County}/{User} {Status} {TemplateId}", message.Event, county.Id, openId,
                        item.Status, item.TemplateId);
                    break;
                case SubscriptionEventXml.SentEvent when item.ErrorCode is not (null or "" or "0"):
                    // "failed:user block": the farmer refuses this template; other failures are the platform's.
                    var refused = item.ErrorStatus?.Contains("user block", StringComparison.OrdinalIgnoreCase) == true
                        || item.ErrorCode == "43101";
                    logger.LogWarning("订阅通知 to {County}/{User} with {TemplateId} failed: {Code} {Status}", county.Id, openId,
                        item.TemplateId, item.ErrorCode, item.ErrorStatus);
                    if (refused) await consents.MarkRefusedAsync(county.Id, openId, item.TemplateId, revoked: true, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }
}
