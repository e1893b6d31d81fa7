using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;

namespace AssistBot.Bot.Dialogs.Status;

/// <summary>查进度 / 我的申报: the user's own declarations with status, last change and next step.</summary>
public sealed class StatusDialog(DeclarationStore declarations) : Dialog(DialogId)
{
    public const string DialogId = "status.list";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        var activity = dc.Context.Activity;
        var mine = await declarations.ListForUserAsync(dc.Context.County().Id, activity.ChannelId ?? "", activity.From?.Id ?? "",
            cancellationToken).ConfigureAwait(false);
        await dc.Context.SendActivityAsync(mine.Count == 0 ? DeclarationTexts.NoDeclarations : DeclarationTexts.StatusList(mine),
            cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Menu item 3 查进度.</summary>
public sealed class StatusRouteHandler(StatusDialog dialog) : IRouteHandler
{
    private static readonly HashSet<string> ExactWords = ["查进度", "进度", "查询进度", "办理进度", "我的申报", "申报进度", "查申报"];
    // A bare 进度 inside a sentence is often a policy question ("衔接资金支出进度…"), so it only counts with a word
    // that ties it to the user's own case.
    private static readonly string[] Keywords =
        ["查进度", "申报进度", "办理进度", "进度怎么样", "进度如何", "办到哪", "审核到哪", "有结果没", "有没有结果", "我的申报", "申报结果"];

    public string Id => RouteIds.Status;
    public int? MenuNumber => 3;
    public string MenuLabel => RouterTexts.StatusLabel;
    public IReadOnlyCollection<string> MenuKeys { get; } = [Dialogs.MenuKeys.Status];
    public Dialog Dialog => dialog;

    public double Match(RouteInput input) =>
        input.Variants.Any(ExactWords.Contains) ? 1.0 : input.ContainsAny(Keywords) ? 0.9 : 0;
}
