using AssistBot.Bot.Dialogs.Cadres.Cards;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using AssistBot.Bot.WeChat;
using AssistBot.Bot.WeChat.Subscriptions;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// The delivery worker's sender over the WeChat channel's API clients, one method per route:
/// <list type="bullet">
/// <item>订阅通知 only under the farmer's consent (<see cref="SubscriptionSender"/>), long-term or one-time as the county configured the kind;</item>
/// <item>customer-service messages only while a window is open and its tracked quota allows (<see cref="CustomerServiceQuota"/>);</item>
/// <item>template messages at most once per subject per month, without first/remark, each field one line of ≤ 20 characters;</item>
/// <item>cadres: a task card (or a digest card) where the county's WeCom app takes callbacks, else text.</item>
/// </list>
/// A route that does not apply answers <see cref="SendStatus.Skipped"/> with the reason, without an API call.
/// </summary>
public sealed class WeChatMessageSender(Counties counties, WeChatApiClient weChat, WeComApiClient weCom, WeChatUserDirectory users,
    CustomerServiceQuota quota, SubscriptionSender subscriptions, ISubscriptionConsents consents, CadreCards cards, IClaimStore storage, IClaimResults claimResults,
    TimeProvider time) : IMessageSender
{
    /// <summary>The longest value of a template field since the 2023 rules (one line).</summary>
    public const int TemplateFieldLimit = 20;

    public async ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text,
        CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var county)) return new SendOutcome(SendStatus.Permanent, null, $"unknown county {countyId}");
        if (recipient.Channel == OutboxRecipient.WeCom)
            return Map(await weCom.SendTextAsync(county.Options.WeCom, recipient.UserId, text, cancellationToken).ConfigureAwait(false));
        if (recipient.Channel != OutboxRecipient.WeChat)
            return new SendOutcome(SendStatus.Permanent, null, $"unknown channel {recipient.Channel}");

        if (await users.GetAsync(county.Id, recipient.UserId, cancellationToken).ConfigureAwait(false) is { Subscribed: false })
            return SendOutcome.Skip(DeliveryReasons.Unsubscribed);
        var (window, why) = await quota.TryTakeAsync(county.Id, recipient.UserId, cancellationToken).ConfigureAwait(false);
        if (window is null) return SendOutcome.Skip(why!);
        var result = await weChat.SendCustomerServiceTextAsync(county.Options.WeChat, recipient.UserId, text, cancellationToken)
            .ConfigureAwait(false);
        if (result.ErrorCode == 45047) await quota.MarkUsedUpAsync(county.Id, recipient.UserId, window, cancellationToken).ConfigureAwait(false);
        else if (!result.IsOk && result.IsRetryable) await quota.GiveBackAsync(county.Id, recipient.UserId, window, cancellationToken).ConfigureAwait(false);
        return Map(result);
    }

    public async ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var county)) return new SendOutcome(SendStatus.Permanent, null, $"unknown county {countyId}");
        if (!county.Options.WeChat.Templates.TryGetValue(template.Kind, out var templateId) || string.IsNullOrEmpty(templateId))
            return SendOutcome.Skip(DeliveryReasons.NotConfigured);
        if (await users.GetAsync(county.Id, recipient.UserId, cancellationToken).ConfigureAwait(false) is { Subscribed: false })
            return SendOutcome.Skip(DeliveryReasons.Unsubscribed);
        // At most one template message per subject per month (the platform treats frequent 到期提醒 as abuse).
        var monthly = MonthlyKey(county.Id, recipient.UserId, template);
        if (!await storage.TryClaimAsync(monthly, TimeSpan.FromDays(40), cancellationToken).ConfigureAwait(false))
            return SendOutcome.Skip(DeliveryReasons.TemplateMonthlyLimit);
        var result = await weChat.SendTemplateAsync(county.Options.WeChat,
            new WeChatTemplateMessage(recipient.UserId, templateId, FitTemplateFields(template.Fields), ClientMsgId: idempotencyKey),
            cancellationToken).ConfigureAwait(false);
        if (result.IsOk) await claimResults.SetClaimResultAsync(monthly, "sent", cancellationToken).ConfigureAwait(false);
        else await storage.ReleaseClaimAsync(monthly, cancellationToken).ConfigureAwait(false);
        return Map(result);
    }

    public async ValueTask<SendOutcome> SendSubscriptionAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        bool longTerm, CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var county)) return new SendOutcome(SendStatus.Permanent, null, $"unknown county {countyId}");
        if (!county.Options.WeChat.Subscriptions.TryGetValue(template.Kind, out var configured) || configured.LongTerm != longTerm
            || string.IsNullOrEmpty(configured.TemplateId))
            return SendOutcome.Skip(DeliveryReasons.NotConfigured);
        var outcome = await subscriptions.SendAsync(county, template.Kind, recipient.UserId, template.Fields, cancellationToken)
            .ConfigureAwait(false);
        return outcome.Status switch
        {
            SubscriptionSendStatus.Sent => SendOutcome.Ok,
            SubscriptionSendStatus.NotConfigured => SendOutcome.Skip(DeliveryReasons.NotConfigured),
            SubscriptionSendStatus.NoConsent => SendOutcome.Skip(DeliveryReasons.NoConsent),
            SubscriptionSendStatus.Refused => new SendOutcome(SendStatus.Permanent, SubscriptionSender.ConsentUsedUp, "consent used up or refused"),
            _ => Map(outcome.Result ?? new WeChatSendResult(WeChatSendStatus.Transient)),
        };
    }

    public async ValueTask<SendOutcome> SendCadreItemsAsync(string countyId, OutboxRecipient cadre, IReadOnlyList<OutboxMessage> items,
        CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(countyId, out var county)) return new SendOutcome(SendStatus.Permanent, null, $"unknown county {countyId}");
        var cardItems = items.Select(CadreCards.Item).ToList();
        if (items.Count > 1) await cards.SaveListAsync(county.Id, cadre.UserId, cardItems, cancellationToken).ConfigureAwait(false);
        var app = county.Options.WeCom;
        if (!CadreCards.Enabled(app) || (items.Count == 1 && cardItems[0].Keys.Count == 0))
            return await SendTextAsync(countyId, cadre, items.Count == 1 ? items[0].Text : DigestText(cardItems), cancellationToken)
                .ConfigureAwait(false);
        var taskId = CadreCards.TaskId(items.Select(i => i.IdempotencyKey));
        await cards.SaveAsync(taskId, new CadreCardRecord(county.Id, cadre.UserId, cardItems), cancellationToken).ConfigureAwait(false);
        var sent = Map(await weCom.SendTemplateCardAsync(app, cadre.UserId, CadreCards.Build(taskId, cardItems), cancellationToken)
            .ConfigureAwait(false));
        // A card the platform refuses outright (a field it will not take) must not cost the cadre the reminder: send it as text.
        if (sent.Status == SendStatus.Permanent)
            return await SendTextAsync(countyId, cadre, items.Count == 1 ? items[0].Text : DigestText(cardItems), cancellationToken)
                .ConfigureAwait(false);
        return sent;
    }

    public async ValueTask<string?> WhyNotAsync(string route, OutboxMessage message, CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(message.CountyId, out var county)) return DeliveryReasons.NotConfigured;
        var openId = message.Recipient.UserId;
        switch (route)
        {
            case DeliveryRoutes.SubscriptionLongTerm:
            case DeliveryRoutes.SubscriptionOneTime:
                if (!county.Options.WeChat.Subscriptions.TryGetValue(message.Kind, out var configured) || string.IsNullOrEmpty(configured.TemplateId)
                    || configured.LongTerm != (route == DeliveryRoutes.SubscriptionLongTerm) || !WeChatApiClient.IsConfigured(county.Options.WeChat))
                    return DeliveryReasons.NotConfigured;
                var book = await consents.GetAsync(county.Id, openId, cancellationToken).ConfigureAwait(false);
                return book.Templates.TryGetValue(configured.TemplateId, out var consent) && consent.AllowsSend ? null : DeliveryReasons.NoConsent;
            case DeliveryRoutes.CustomerService:
                if (await users.GetAsync(county.Id, openId, cancellationToken).ConfigureAwait(false) is { Subscribed: false })
                    return DeliveryReasons.Unsubscribed;
                var window = await quota.GetAsync(county.Id, openId, cancellationToken).ConfigureAwait(false);
                return !window.IsOpen ? DeliveryReasons.WindowClosed : window.HasQuota ? null : DeliveryReasons.QuotaUsed;
            case DeliveryRoutes.Template:
                if (message.Template is null || !county.Options.WeChat.Templates.TryGetValue(message.Template.Kind, out var id) || string.IsNullOrEmpty(id))
                    return DeliveryReasons.NotConfigured;
                if (await users.GetAsync(county.Id, openId, cancellationToken).ConfigureAwait(false) is { Subscribed: false })
                    return DeliveryReasons.Unsubscribed;
                return await claimResults.ReadClaimResultAsync(MonthlyKey(county.Id, openId, message.Template), cancellationToken).ConfigureAwait(false)
                    is null ? null : DeliveryReasons.TemplateMonthlyLimit;
            default:
                return null;
        }
    }

    /// <summary>
    /// Since 2023 the platform drops first/remark and takes one line of at most 20 characters per field; a longer value
    /// would be cut by the platform anyway, so it is cut here, visibly.
    /// </summary>
    public static Dictionary<string, string> FitTemplateFields(IReadOnlyDictionary<string, string> fields)
    {
        var fitted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (key is "first" or "remark") continue;
            var line = Privacy.PersonalDataMask.Text(value.Replace('\r', ' ').Replace('\n', ' ').Trim());
            fitted[key] = line.Length <= TemplateFieldLimit ? line : line[..(TemplateFieldLimit - 1)] + "…";
        }
        return fitted;
    }

    private string MonthlyKey(string countyId, string openId, OutboxTemplate template)
    {
        var month = time.GetUtcNow().ToChina().ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);
        return $"wechat/template-month/{countyId}/{openId}/{template.Kind}:{template.Subject ?? ""}/{month}";
    }

    private static string DigestText(IReadOnlyList<CadreCardItem> items)
    {
        var shown = items.Take(CadreCards.DigestButtons).ToList();
        var text = CadreCardTexts.Digest(items.Count) + "：\n" + string.Join('\n', shown.Select((i, n) =>
            $"{n + 1}. {i.Line}" + (CadreCards.Command(i) is { } c ? $"\n   办理：回复“{c}”" : "")));
        return items.Count > shown.Count ? text + "\n" + CadreCardTexts.DigestMore(items.Count - shown.Count) : text;
    }

    /// <summary>The channel's result classes as the delivery worker needs them.</summary>
    public static SendOutcome Map(WeChatSendResult result) => new(result.Status switch
    {
        WeChatSendStatus.Ok => SendStatus.Ok,
        WeChatSendStatus.OutsideWindow => SendStatus.OutsideWindow,
        // 45047 is this user's customer-service quota: another route still works. 45009/45033 are API-wide: wait.
        WeChatSendStatus.TooFrequent => result.ErrorCode == 45047 ? SendStatus.TooFrequent : SendStatus.Transient,
        WeChatSendStatus.Unsubscribed => SendStatus.Unsubscribed,
        WeChatSendStatus.InvalidToken or WeChatSendStatus.Transient => SendStatus.Transient,
        _ => SendStatus.Permanent,
    }, result.ErrorCode == 0 ? null : result.ErrorCode, result.Status == WeChatSendStatus.NotConfigured
        ? "channel not configured for this county" : result.ErrorMessage);
}
