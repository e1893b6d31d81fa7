namespace AssistBot.Bot.Conversation.Schema;

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
