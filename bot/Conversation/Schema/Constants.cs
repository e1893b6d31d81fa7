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

public static class ActivityEventNames
{
    public const string ContinueConversation = "ContinueConversation";
}

public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string IgnoringInput = "ignoringInput";
    public const string ExpectingInput = "expectingInput";
}

public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}

public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}

/// <summary>The channel ids AssistBot uses in <see cref="Activity.ChannelId"/>.</summary>
public static class Channels
{
    public const string WeChat = "wechat";
    public const string WeCom = "wecom";
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string Emulator = "emulator";
    public const string Console = "console";
    public const string Test = "test";
}
