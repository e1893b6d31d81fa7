namespace AssistBot.Bot.WeChat;

/// <summary>Sends a reply part that did not fit in (or missed) the passive reply.</summary>
public delegate Task<WeChatSendResult> WeChatPushSender(string userId, string text, CancellationToken cancellationToken);
