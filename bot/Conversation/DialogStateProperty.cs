namespace AssistBot.Bot.Conversation;

/// <summary>Where the dialog stack lives in the conversation state.</summary>
public static class DialogStateProperty
{
    public const string Name = "DialogState";
}
