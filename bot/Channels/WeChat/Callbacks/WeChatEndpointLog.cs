namespace AssistBot.Bot.WeChat;

/// <summary>The log category of the WeChat / WeCom callback endpoints.</summary>
public sealed class WeChatEndpointLog;
