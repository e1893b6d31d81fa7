using AssistBot.Bot.Conversation.Prompts;
using AssistBot.Bot.Text;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>
/// The commands every dialog understands, handled once for all of them before the active dialog sees the message:
/// 取消/退出 (also 不办了/算了 unless a yes/no question is waiting) ends everything; 帮助 shows the innermost
/// dialog's help and asks again; 返回上一步 re-asks the previous waterfall question; 转人工 tells how to reach a
/// person and asks again. Menu words end the active dialog and let the router show the menu.
/// </summary>
public sealed class Interruptions
{
    public static readonly IReadOnlySet<string> CancelWords = Set("取消", "退出", "结束", "停止", "不弄了", "不填了", "撤销", "取消办理", "退出办理", "quit", "cancel");
    public static readonly IReadOnlySet<string> SoftCancelWords = Set("不办了", "算了", "不想办了", "不办理了");
    public static readonly IReadOnlySet<string> HelpWords = Set("帮助", "help", "怎么用", "不会用", "不懂", "看不懂", "怎么弄", "怎么填", "怎么回答", "什么意思");
    public static readonly IReadOnlySet<string> BackWords = Set("返回上一步", "上一步", "回到上一步", "返回", "后退", "退回", "上一个", "改上一个", "重新填上一个");
    public static readonly IReadOnlySet<string> HumanWords = Set("转人工", "人工", "人工服务", "找人工", "人工客服", "客服", "找人", "联系人", "联系人工", "真人");
    /// <summary>"删除我的信息" said in the middle of a form: the form ends and the router opens the deletion (it asks first).</summary>
    public static readonly IReadOnlySet<string> ForgetWords = Set("删除我的信息", "删除我的资料", "删除我的数据", "删除个人信息", "删除我的个人信息",
        "清除我的信息", "清空我的信息", "删掉我的信息");
    public static readonly IReadOnlySet<string> MenuWords = Set("菜单", "主菜单", "回到菜单", "返回菜单", "回到主菜单", "首页");

    public enum Outcome
    {
        /// <summary>Not an interruption; the active dialog gets the message.</summary>
        None,

        /// <summary>Handled; the turn is done.</summary>
        Handled,

        /// <summary>The dialogs were ended; the router should handle the message afresh (e.g. show the menu).</summary>
        Restart,
    }

    /// <summary>Handles the turn's message if it is one of the commands and a dialog is active.</summary>
    public async Task<Outcome> TryHandleAsync(DialogContext rootDc, CancellationToken cancellationToken = default)
    {
        var context = rootDc.Context;
        if (!context.Activity.IsMessage || rootDc.ActiveDialog is null) return Outcome.None;
        var text = context.Activity.Text;
        if (string.IsNullOrWhiteSpace(text)) return Outcome.None;

        var chain = rootDc.GetChain();
        var innermost = chain[^1];
        var waitingForYesNo = innermost.ActiveDialog is { } top && innermost.FindDialog(top.Id) is ConfirmPrompt;

        if (TextNormalizer.MatchesAny(text, CancelWords) || (!waitingForYesNo && TextNormalizer.MatchesAny(text, SoftCancelWords)))
        {
            await rootDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await context.SendActivityAsync(InterruptionTexts.Cancelled, cancellationToken).ConfigureAwait(false);
            return Outcome.Handled;
        }
        if (TextNormalizer.MatchesAny(text, MenuWords) || TextNormalizer.MatchesAny(text, ForgetWords))
        {
            await rootDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Restart;
        }
        if (IsHelp(text))
        {
            var help = FindHelp(chain);
            var message = help is null ? InterruptionTexts.CommandsHint : help + "\n" + InterruptionTexts.CommandsHint;
            await context.SendActivityAsync(message, cancellationToken).ConfigureAwait(false);
            await rootDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Handled;
        }
        if (TextNormalizer.MatchesAny(text, HumanWords))
        {
            await context.SendActivityAsync(InterruptionTexts.HowToReachPerson + "\n" + InterruptionTexts.BackToQuestion,
                cancellationToken).ConfigureAwait(false);
            await rootDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return Outcome.Handled;
        }
        if (TextNormalizer.MatchesAny(text, BackWords))
        {
            await GoBackAsync(chain, cancellationToken).ConfigureAwait(false);
            return Outcome.Handled;
        }
        return Outcome.None;
    }

    /// <summary>帮助 and its everyday variants, or a lone question mark.</summary>
    public static bool IsHelp(string? text) =>
        TextNormalizer.MatchesAny(text, HelpWords) || text?.Trim() is "?" or "？";

    private static string? FindHelp(IReadOnlyList<DialogContext> chain)
    {
        for (var level = chain.Count - 1; level >= 0; level--)
            foreach (var instance in chain[level].Stack)
                if (chain[level].FindDialog(instance.Id)?.GetHelpText(chain[level].Context, instance) is { } help)
                    return help;
        return null;
    }

    private static async Task GoBackAsync(IReadOnlyList<DialogContext> chain, CancellationToken cancellationToken)
    {
        var context = chain[0].Context;
        for (var level = chain.Count - 1; level >= 0; level--)
        {
            var dc = chain[level];
            foreach (var instance in dc.Stack)
            {
                if (dc.FindDialog(instance.Id) is not WaterfallDialog waterfall) continue;
                if (WaterfallDialog.StepIndex(instance) <= 0) break; // first step here; try the level above
                await context.SendActivityAsync(InterruptionTexts.GoingBack, cancellationToken).ConfigureAwait(false);
                await waterfall.GoBackAsync(dc, instance, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        await context.SendActivityAsync(InterruptionTexts.AlreadyFirstStep, cancellationToken).ConfigureAwait(false);
        await chain[0].RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
