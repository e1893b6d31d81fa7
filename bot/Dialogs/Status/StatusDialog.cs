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

/// <summary>The words that ask about one's own declaration (read by <see cref="StatusRouteHandler.Matches"/>).</summary>
internal static class StatusWords
{
    public static readonly HashSet<string> Exact = ["查进度", "进度", "查询进度", "办理进度", "我的申报", "申报进度", "查申报"];

    /// <summary>
    /// A bare 进度 inside a sentence is often a policy question ("衔接资金支出进度…"), so it only counts with a word that
    /// ties it to the user's own case; so too 申请 ("我想问问我那个申请", not "我的申请材料要带啥").
    /// </summary>
    public static readonly string[] Keywords =
        ["查进度", "申报进度", "办理进度", "进度怎么样", "进度如何", "办到哪", "审核到哪", "有结果没", "有没有结果", "我的申报", "申报结果",
         "我那个申请", "俺那个申请", "我的那个申请", "俺的那个申请", "我那个申报", "俺那个申报", "申请到哪了", "申请怎么样了", "申报怎么样了"];
}

/// <summary>Menu item 3 查进度.</summary>
public sealed class StatusRouteHandler(StatusDialog dialog) : IRouteHandler
{

    public string Id => RouteIds.Status;
    public int? MenuNumber => 3;
    public string MenuLabel => RouterTexts.StatusLabel;
    public IReadOnlyCollection<string> MenuKeys { get; } = [Dialogs.MenuKeys.Status];
    public Dialog Dialog => dialog;

    public double Match(RouteInput input) => Matches(input);

    /// <summary>How surely the text asks about one's own declaration; its placeholder answers to the same.</summary>
    public static double Matches(RouteInput input) =>
        input.Variants.Any(StatusWords.Exact.Contains) ? 1.0 : input.ContainsAny(StatusWords.Keywords) ? 0.9 : 0;
}
