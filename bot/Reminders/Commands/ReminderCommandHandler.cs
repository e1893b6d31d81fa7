using System.Text.RegularExpressions;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.Text;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Reminders.Loans;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>
/// The reminder commands, taken before policy Q&amp;A. Cadres on WeCom: "确认还款 编号", "已走访 户编号 [备注]",
/// "待走访" (a numbered list; replying with the number records it). Farmers: "订阅" / "退订" application-window notices.
/// </summary>
public sealed partial class ReminderCommandHandler(
    LoanStore loans,
    StorageWindowSubscribers subscribers,
    DutyDesk duties,
    IEnumerable<IFarmerBindingCheck> bindings) : IFreeTextHandler
{
    private static readonly HashSet<string> SubscribeWords = ["订阅", "订阅提醒", "订阅补助提醒", "开通提醒"];
    private static readonly HashSet<string> UnsubscribeWords = ["退订", "取消订阅", "退订提醒", "不要提醒", "关闭提醒"];
    private static readonly HashSet<string> DutyListWords = ["待走访", "走访任务", "待办", "我的走访"];

    public int Order => -100;

    public IEnumerable<Dialog> Dialogs => [duties.PickDialog];

    public async Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken)
    {
        var context = dc.Context;
        var county = context.County();
        var userId = context.Activity.From?.Id ?? "";
        var isCadre = context.Activity.ChannelId == Channels.WeCom;
        var text = Fold(input.Text);

        if (ConfirmRepaid().Match(text) is { Success: true } confirm)
        {
            if (!isCadre) return await ReplyAsync(context, ReminderTexts.CadreOnly, cancellationToken);
            var number = confirm.Groups[1].Value;
            if (number.Length == 0) return await ReplyAsync(context, ReminderTexts.RepaymentConfirmUsage, cancellationToken);
            var loan = await loans.ConfirmRepaidAsync(county.Id, number, userId, cancellationToken).ConfigureAwait(false);
            return await ReplyAsync(context, loan is null ? ReminderTexts.LoanNotFound(LoanStore.Normalize(number))
                : ReminderTexts.RepaymentConfirmed(loan.LoanNumber, loan.BorrowerName), cancellationToken);
        }

        if (ParseVisit(text) is { } visit)
        {
            if (!isCadre) return await ReplyAsync(context, ReminderTexts.CadreOnly, cancellationToken);
            if (visit.Subject.Length == 0) return await ReplyAsync(context, ReminderTexts.VisitUsage, cancellationToken);
            var reply = await duties.RecordVisitAsync(county.Id, visit.Subject, null, userId, visit.Note, cancellationToken)
                .ConfigureAwait(false);
            return await ReplyAsync(context, reply, cancellationToken);
        }

        if (input.IsAny(DutyListWords))
        {
            if (!isCadre) return await ReplyAsync(context, ReminderTexts.CadreOnly, cancellationToken);
            await dc.BeginDialogAsync(duties.PickDialog.Id, null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (input.IsAny(SubscribeWords))
        {
            if (context.Activity.ChannelId != Channels.WeChat && context.Activity.ChannelId != Channels.Test)
                return await ReplyAsync(context, ReminderTexts.SubscribeOnWeChat, cancellationToken);
            if (!await IsBoundAsync(county.Id, userId, cancellationToken).ConfigureAwait(false))
                return await ReplyAsync(context, ReminderTexts.SubscribeNeedsBinding, cancellationToken);
            await subscribers.SubscribeAsync(county.Id, userId, cancellationToken).ConfigureAwait(false);
            return await ReplyAsync(context, ReminderTexts.Subscribed, cancellationToken);
        }

        if (input.IsAny(UnsubscribeWords))
        {
            await subscribers.UnsubscribeAsync(county.Id, userId, cancellationToken).ConfigureAwait(false);
            return await ReplyAsync(context, ReminderTexts.Unsubscribed, cancellationToken);
        }
        return false;
    }

    /// <summary>"已走访 H001 家中无异常" → (H001, 家中无异常); null when the text is not that command.</summary>
    public static (string Subject, string? Note)? ParseVisit(string text)
    {
        if (Visited().Match(Fold(text)) is not { Success: true } match) return null;
        var note = match.Groups[2].Value.Trim();
        return (match.Groups[1].Value.ToUpperInvariant(), note.Length == 0 ? null : note);
    }

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

    /// <summary>Full-width to half-width, trimmed; keeps the spaces that separate a number from a note.</summary>
    private static string Fold(string text) => new string(text.Select(c => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    }).ToArray()).Trim();

    [GeneratedRegex(@"^确认还款[\s:：,，]*([A-Za-z0-9\-]*)\s*$")]
    private static partial Regex ConfirmRepaid();

    [GeneratedRegex(@"^已走访[\s:：,，]*([A-Za-z0-9\-]*)[\s:：,，]*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Visited();
}
