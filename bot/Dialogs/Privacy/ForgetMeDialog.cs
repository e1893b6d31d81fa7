using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Text;
using AssistBot.Bot.Privacy;

namespace AssistBot.Bot.Dialogs.Privacy;

/// <summary>
/// 删除我的信息: says what goes and what the county keeps, asks to confirm, then has every
/// <see cref="IUserDataEraser"/> remove its data about this user and empties the conversation and user state.
/// </summary>
public sealed class ForgetMeDialog(
    ConversationState conversationState,
    UserState userState,
    IEnumerable<IUserDataEraser> erasers,
    ILogger<ForgetMeDialog> logger) : Dialog(DialogId)
{
    public const string DialogId = "privacy.forget";

    private static readonly string[] ConfirmWords = [PrivacyTexts.Confirm, "确认", "删除", "删吧", "确定删除", "是的删除"];
    private static readonly string[] KeepWords = [PrivacyTexts.Keep, "不删", "不要删", "算了", "取消", "不用了"];

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        await dc.Context.SendActivityAsync(MessageFactory.SuggestedActions([PrivacyTexts.Confirm, PrivacyTexts.Keep], PrivacyTexts.AskConfirm),
            cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override string? GetHelpText(ITurnContext turnContext, DialogInstance instance) => PrivacyTexts.AskConfirm;

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsMessage) return EndOfTurn;
        var variants = TextNormalizer.Variants(dc.Context.Activity.Text);
        var keep = variants.Any(v => KeepWords.Contains(v)) || ConfirmRecognizer.Recognize(dc.Context.Activity.Text) == false;
        var confirm = !keep && (variants.Any(v => ConfirmWords.Contains(v)) || ConfirmRecognizer.Recognize(dc.Context.Activity.Text) == true);
        if (!confirm)
        {
            await dc.Context.SendActivityAsync(PrivacyTexts.Kept, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var activity = dc.Context.Activity;
        var county = dc.Context.County().Id;
        var channel = activity.ChannelId ?? "";
        var user = activity.From?.Id ?? "";
        try
        {
            foreach (var eraser in erasers) await eraser.EraseAsync(county, channel, user, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Erasing a user's data in {County} failed part-way", county);
            await dc.Context.SendActivityAsync(PrivacyTexts.Failed, cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        logger.LogInformation("Erased a user's chat data and bindings in {County} on request", county);

        var result = await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        // Last: the dialog stack and everything else in the state go; the turn saves the state empty.
        conversationState.ClearState(dc.Context);
        await userState.LoadAsync(dc.Context, false, cancellationToken).ConfigureAwait(false);
        userState.ClearState(dc.Context);
        await dc.Context.SendActivityAsync(PrivacyTexts.Done, cancellationToken).ConfigureAwait(false);
        return result;
    }
}

/// <summary>Free text such as "删除我的信息" / "把我的资料删掉" opens <see cref="ForgetMeDialog"/> (not on the menu).</summary>
public sealed class ForgetMeRouteHandler(ForgetMeDialog dialog) : IRouteHandler
{
    private static readonly string[] Phrases =
    [
        "删除我的信息", "删除我的资料", "删除我的数据", "删除我的个人信息", "删除个人信息", "删掉我的信息", "删掉我的资料",
        "把我的信息删", "把我的资料删", "把我的数据删", "清除我的信息", "清空我的信息", "清除我的资料", "注销我的信息",
        "删除我的聊天记录", "删除聊天记录", "忘掉我的信息", "不要保存我的信息", "别保存我的信息",
    ];

    public string Id => "privacy.forget";
    public int? MenuNumber => null;
    public string MenuLabel => "删除我的信息";
    public IReadOnlyCollection<string> MenuKeys { get; } = [];
    public Dialog Dialog => dialog;

    public double Match(RouteInput input) => input.ContainsAny(Phrases) ? 1.0 : 0;
}
