namespace AssistBot.Bot.Hosting;

/// <summary><c>Counties:{id}:WeChat</c>: the county's Official Account.</summary>
public sealed class WeChatAccountOptions
{
    public string AppId { get; set; } = "";
    public string AppSecret { get; set; } = "";
    public string Token { get; set; } = "";
    public string EncodingAESKey { get; set; } = "";

    /// <summary>Template ids by reminder kind, for pushes outside the 48-hour customer-service window.</summary>
    public Dictionary<string, string> Templates { get; set; } = new();

    /// <summary>
    /// 订阅通知 templates by reminder kind (<c>Counties:{id}:WeChat:Subscriptions:{kind}</c>), offered on the
    /// subscribe page (<c>/wechat/{county}/subscribe</c>) and sent through bizsend once the farmer consented.
    /// </summary>
    public Dictionary<string, AssistBot.Bot.WeChat.Subscriptions.SubscriptionTemplateOptions> Subscriptions { get; set; } = new();
}
