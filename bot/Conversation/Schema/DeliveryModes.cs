namespace AssistBot.Bot.Conversation.Schema;

public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}
