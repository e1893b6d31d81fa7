using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>A one-turn dialog: sends a message and ends (placeholders, simple answers).</summary>
public sealed class MessageDialog(string id, Func<ITurnContext, Activity> message) : Dialog(id)
{
    public MessageDialog(string id, string text) : this(id, _ => MessageFactory.Text(text)) { }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        await dc.Context.SendActivityAsync(message(dc.Context), cancellationToken).ConfigureAwait(false);
        return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
