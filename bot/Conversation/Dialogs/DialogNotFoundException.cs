namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>The dialog stack names a dialog that is not registered (saved by an older version).</summary>
public sealed class DialogNotFoundException(string dialogId)
    : InvalidOperationException($"The active dialog '{dialogId}' is not registered.")
{
    public string DialogId { get; } = dialogId;
}
