using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.State;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>
/// The root <see cref="IBot"/>: loads conversation and user state, lets <see cref="Interruptions"/> look at the
/// message, continues the active dialog or begins the root dialog, then saves both states with If-Match.
/// A conflict on save propagates as <see cref="Storage.StorageConflictException"/>; the
/// <see cref="ConversationTurnMiddleware"/> re-runs the turn.
/// </summary>
public class DialogBot(ConversationState conversationState, UserState userState, Dialog rootDialog, Interruptions interruptions,
    ILogger<DialogBot>? logger = null) : IBot
{
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty.Name);

    public Dialog RootDialog { get; } = rootDialog;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // User state loads on first use (one storage round trip fewer for turns that do not touch it).
        await conversationState.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);

        var dialogs = new DialogSet(_dialogState).Add(RootDialog);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        DialogTurnResult result;
        try
        {
            var outcome = await interruptions.TryHandleAsync(dc, cancellationToken).ConfigureAwait(false);
            if (outcome == Interruptions.Outcome.Handled)
            {
                result = Dialog.EndOfTurn;
            }
            else
            {
                // A welcome (first contact) or a menu click starts over, whatever was going on.
                if (dc.ActiveDialog is not null && StartsOver(turnContext.Activity))
                    await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DialogNotFoundException missing)
        {
            // Saved state names a dialog this version no longer has (e.g. after an upgrade): start over quietly.
            logger?.LogWarning("Dropping a saved dialog stack: {Message}", missing.Message);
            dc.Stack.Clear();
            result = new DialogTurnResult(DialogTurnStatus.Empty);
        }
        if (result.Status == DialogTurnStatus.Empty)
            await dc.BeginDialogAsync(RootDialog.Id, null, cancellationToken).ConfigureAwait(false);

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    private static bool StartsOver(Activity activity) =>
        activity.Type == ActivityTypes.Event && activity.Name is RouterEvents.MenuClick or RouterEvents.Scan
        || activity.Type == ActivityTypes.ConversationUpdate
           && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
}
