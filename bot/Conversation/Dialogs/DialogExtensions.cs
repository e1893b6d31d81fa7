using AssistBot.Bot.Conversation.State;

namespace AssistBot.Bot.Conversation.Dialogs;

public static class DialogExtensions
{
    /// <summary>
    /// Bot Builder's Dialog.RunAsync: continues the active dialog, or begins this one when none is active. The caller
    /// saves state afterwards. (The root bot, <see cref="DialogBot"/>, adds interruptions on top of this.)
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext,
        IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        var dialogs = new DialogSet(accessor).Add(dialog);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false)
            : result;
    }
}
