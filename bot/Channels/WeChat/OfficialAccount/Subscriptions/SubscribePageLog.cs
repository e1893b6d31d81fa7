namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>The log category of the subscribe page.</summary>
public sealed class SubscribePageLog;
