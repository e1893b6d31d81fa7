namespace AssistBot.Bot.Conversation.Schema;

public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string IgnoringInput = "ignoringInput";
    public const string ExpectingInput = "expectingInput";
}
