namespace AssistBot.Bot.WeChat;

/// <summary>The platform refused to issue an access_token (bad secret, IP not whitelisted, busy).</summary>
public sealed class WeChatTokenException(int errorCode, string? errorMessage)
    : Exception($"access_token request failed: {errorCode} {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;
    public string? ErrorMessage { get; } = errorMessage;
}
