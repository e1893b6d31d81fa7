namespace AssistBot.Bot.WeChat;

/// <summary>A template message: template id, the keyword values, and an optional link and idempotency key.</summary>
public sealed record WeChatTemplateMessage(string ToUser, string TemplateId, IReadOnlyDictionary<string, string> Data,
    string? Url = null, string? ClientMsgId = null);
