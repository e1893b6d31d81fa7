using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.WeChat.Subscriptions;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>
/// The reminder commands in the router, before policy Q&amp;A. Farmers: "订阅" / "退订" application-window notices.
/// Cadre commands (确认还款, 已走访, 待走访) are answered on WeCom — by the cadre front when the cases part is there,
/// else here — and politely refused on the farmers' channels.
/// </summary>
public sealed class ReminderCommandHandler(
    StorageWindowSubscribers subscribers,
    ReminderCadreCommands cadreCommands,
    IEnumerable<IFarmerBindingCheck> bindings,
    IEnumerable<ISubscriptionConsents> subscriptionConsents) : IFreeTextHandler
{
    private static readonly HashSet<string> SubscribeWords = ["订阅", "订阅提醒", "订阅补助提醒", "开通提醒"];
    private static readonly HashSet<string> UnsubscribeWords = ["退订", "取消订阅", "退订提醒", "不要提醒", "关闭提醒"];

    public int Order => -100;

    public async Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        var county = context.County();
        var userId = context.Activity.From?.Id ?? "";

        if (ReminderCadreCommands.IsCadreCommand(input.Text))
        {
            if (context.Activity.ChannelId != Channels.WeCom) return await ReplyAsync(context, ReminderChatTexts.CadreOnly, cancellationToken).ConfigureAwait(false);
            var reply = await cadreCommands.HandleAsync(county.Id, userId, input.Text, cancellationToken).ConfigureAwait(false);
            return reply is not null && await ReplyAsync(context, reply.Text, cancellationToken).ConfigureAwait(false);
        }

        if (input.IsAny(SubscribeWords))
        {
            if (!IsOfficialAccountUser(context.Activity))
                return await ReplyAsync(context, ReminderChatTexts.SubscribeOnWeChat, cancellationToken).ConfigureAwait(false);
            if (!await IsBoundAsync(county.Id, userId, cancellationToken).ConfigureAwait(false))
                return await ReplyAsync(context, ReminderChatTexts.SubscribeNeedsBinding, cancellationToken).ConfigureAwait(false);
            await subscribers.SubscribeAsync(county.Id, userId, cancellationToken).ConfigureAwait(false);
            return await ReplyAsync(context, ReminderChatTexts.Subscribed, cancellationToken).ConfigureAwait(false);
        }

        if (input.IsAny(UnsubscribeWords))
        {
            if (!IsOfficialAccountUser(context.Activity))
                return await ReplyAsync(context, ReminderChatTexts.UnsubscribeOnWeChat, cancellationToken).ConfigureAwait(false);
            await subscribers.UnsubscribeAsync(county.Id, userId, cancellationToken).ConfigureAwait(false);
            if (context.Activity.ChannelId is not (Channels.WeChat or Channels.Test))
                return await ReplyAsync(context, ReminderChatTexts.Unsubscribed, cancellationToken).ConfigureAwait(false);
            // 订阅通知 too: we stop using the farmer's consents; WeChat's own switch is theirs (the reply says where).
            foreach (var consents in subscriptionConsents)
                await consents.StopAllAsync(county.Id, userId, cancellationToken).ConfigureAwait(false);
            return await ReplyAsync(context, SubscriptionTexts.Unsubscribed, cancellationToken).ConfigureAwait(false);
        }
        return false;
    }

    /// <summary>
    /// True when the user id is an openid the WeChat endpoint verified (or the in-process test channel): subscriptions
    /// and loans are keyed by openid, so no other channel may act on them.
    /// </summary>
    internal static bool IsOfficialAccountUser(Activity activity) =>
        activity.ChannelId is Channels.WeChat or Channels.Test;

    private async Task<bool> IsBoundAsync(string county, string userId, CancellationToken cancellationToken)
    {
        foreach (var check in bindings)
            if (await check.IsBoundAsync(county, userId, cancellationToken).ConfigureAwait(false)) return true;
        return false;
    }

    private static async Task<bool> ReplyAsync(ITurnContext context, string text, CancellationToken cancellationToken)
    {
        await context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
