namespace AssistBot.Bot.Conversation.Schema;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Trace = "trace";
    public const string InstallationUpdate = "installationUpdate";
}
