namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>
/// The result a prompt ends with when the user gave no usable answer within its attempts (the user has already
/// been offered help). A waterfall ends on it by default; see <see cref="WaterfallDialog.EndOnNoAnswer"/>.
/// </summary>
public sealed class NoAnswer
{
    public static NoAnswer Instance { get; } = new();

    private NoAnswer() { }
}
