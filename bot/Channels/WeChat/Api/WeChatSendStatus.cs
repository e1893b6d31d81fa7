namespace AssistBot.Bot.WeChat;

/// <summary>How a WeChat / WeCom send ended, in classes a caller can act on.</summary>
public enum WeChatSendStatus
{
    Ok,

    /// <summary>45015: outside the 48-hour customer-service window (or the user unfollowed). Use a template message.</summary>
    OutsideWindow,

    /// <summary>45047 (customer-service quota), 45009 (daily API quota), WeCom 45009/45033: back off.</summary>
    TooFrequent,

    /// <summary>43004: the user no longer follows the account (also 43019, blacklisted). Do not retry.</summary>
    Unsubscribed,

    /// <summary>40001/40014/42001 even after one refresh. Normally handled inside the client.</summary>
    InvalidToken,

    /// <summary>-1 (busy), HTTP 5xx, timeouts, network errors: retry later.</summary>
    Transient,

    /// <summary>Any other error (bad openid, bad template, IP not whitelisted…): retrying will not help.</summary>
    Permanent,

    /// <summary>The county has no AppId/AppSecret (or CorpId/Secret) configured.</summary>
    NotConfigured,
}
