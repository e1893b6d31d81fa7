namespace AssistBot.Bot.WeChat;

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
