namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>The persisted dialog stack (index 0 is the top, as in Bot Builder).</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}
