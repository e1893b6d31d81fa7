namespace AssistBot.Bot.Conversation.Schema;

public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}
