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

public readonly record struct WeChatSendResult(WeChatSendStatus Status, int ErrorCode = 0, string? ErrorMessage = null,
    long? MsgId = null)
{
    public bool IsOk => Status == WeChatSendStatus.Ok;

    /// <summary>Whether trying the same send again later may succeed.</summary>
    public bool IsRetryable => Status is WeChatSendStatus.Transient or WeChatSendStatus.TooFrequent
        or WeChatSendStatus.InvalidToken;

    public static WeChatSendResult FromErrorCode(int code, string? message, long? msgId = null) => new(code switch
    {
        0 => WeChatSendStatus.Ok,
        45015 => WeChatSendStatus.OutsideWindow,
        45047 or 45009 or 45033 => WeChatSendStatus.TooFrequent,
        43004 or 43019 => WeChatSendStatus.Unsubscribed,
        40001 or 40014 or 42001 => WeChatSendStatus.InvalidToken,
        -1 => WeChatSendStatus.Transient,
        _ => WeChatSendStatus.Permanent,
    }, code, message, msgId);

    public override string ToString() => Status == WeChatSendStatus.Ok ? "Ok" : $"{Status} ({ErrorCode} {ErrorMessage})";
}

/// <summary>The platform refused to issue an access_token (bad secret, IP not whitelisted, busy).</summary>
public sealed class WeChatTokenException(int errorCode, string? errorMessage)
    : Exception($"access_token request failed: {errorCode} {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;
    public string? ErrorMessage { get; } = errorMessage;
}
