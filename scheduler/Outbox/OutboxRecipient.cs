namespace AssistBot.Scheduler.Outbox;

/// <summary>A person on a channel: <see cref="Channel"/> is "wechat" (UserId = openid) or "wecom" (UserId = WeCom UserId).</summary>
public sealed record OutboxRecipient(string Channel, string UserId)
{
    public const string WeChat = "wechat";
    public const string WeCom = "wecom";

    /// <summary>Nobody can be reached (not bound, no cadre on the roster); kept so previews and the admin view show it.</summary>
    public const string None = "none";

    public static OutboxRecipient Unreachable(string why) => new(None, why);

    public static OutboxRecipient Farmer(string openId) => new(WeChat, openId);

    public static OutboxRecipient Cadre(string weComUserId) => new(WeCom, weComUserId);

    public override string ToString() => $"{Channel}:{UserId}";
}
