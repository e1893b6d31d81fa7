namespace AssistBot.Bot.WeChat;

/// <summary>
/// A plain-mode callback's signed (timestamp, nonce) pair and a digest of the body it came with: the signature does
/// not cover the body, so the pair may carry one message only (see <see cref="WeChatMessageProcessor"/>).
/// </summary>
public readonly record struct WeChatReplayCheck(string Timestamp, string Nonce, string BodyDigest);
