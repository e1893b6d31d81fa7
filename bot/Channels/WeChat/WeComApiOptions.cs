namespace AssistBot.Bot.WeChat;

/// <summary>The WeCom API, bound from <c>WeCom</c>.</summary>
public sealed class WeComApiOptions
{
    public const string Section = "WeCom";

    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";
}
