namespace AssistBot.Bot.WeChat;

/// <summary>The Official Account API, bound from <c>WeChat</c>.</summary>
public sealed class WeChatApiOptions
{
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";
}
