namespace AssistBot.Bot.WeChat;

/// <summary>
/// Channel behaviour, bound from the <c>WeChat</c> section (shared by the Official Account and WeCom endpoints).
/// </summary>
public sealed class WeChatChannelOptions
{
    public const string Section = "WeChat";

    /// <summary>How long a turn may run before the request is answered "success" and the reply is pushed later.</summary>
    public TimeSpan PassiveReplyTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a retried delivery waits for the first delivery's reply before answering "success".</summary>
    public TimeSpan RetryReplyWait { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How far a callback's timestamp may be from now (replay protection).</summary>
    public TimeSpan MaxTimestampSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a MsgId stays claimed (covers WeChat's three deliveries within about 15 s, with margin).</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest passive text, in UTF-8 bytes. 2048 is the figure Senparc uses; the official limit is unpublished.
    /// </summary>
    public int MaxPassiveReplyBytes { get; set; } = 2048;

    /// <summary>Per-user rate limit (per instance, in memory): at most this many messages per window.</summary>
    public int RateLimitMessages { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);
}
