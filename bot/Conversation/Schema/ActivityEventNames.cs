namespace AssistBot.Bot.Conversation.Schema;

public static class ActivityEventNames
{
    public const string ContinueConversation = "ContinueConversation";
}
