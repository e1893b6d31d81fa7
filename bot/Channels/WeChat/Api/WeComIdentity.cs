namespace AssistBot.Bot.WeChat;

/// <summary>Who a WeCom sign-in code belongs to: <see cref="UserId"/> null when WeCom named no member.</summary>
public sealed record WeComIdentity(string? UserId, int ErrorCode, string? ErrorMessage);
