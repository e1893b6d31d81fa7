namespace AssistBot.Bot.Hosting;

/// <summary>One county under <c>Counties:{id}</c>.</summary>
public sealed class CountyOptions
{
    /// <summary>Display name, e.g. 信丰县.</summary>
    public string Name { get; set; } = "";

    /// <summary>Knowledge pack id, e.g. xinfeng-2024.</summary>
    public string Pack { get; set; } = "";

    public WeChatAccountOptions WeChat { get; set; } = new();

    public WeComAppOptions WeCom { get; set; } = new();
}

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

/// <summary><c>Counties:{id}:WeCom</c>: the county's WeCom self-built app.</summary>
public sealed class WeComAppOptions
{
    public string CorpId { get; set; } = "";
    public string AgentId { get; set; } = "";
    public string Secret { get; set; } = "";
    public string Token { get; set; } = "";
    public string EncodingAESKey { get; set; } = "";

    /// <summary>
    /// Task cards with buttons for cadres. Unset: on when the app receives callbacks (Token and EncodingAESKey set,
    /// i.e. its 接收消息 URL is this service), since a click comes back as a callback; false: text messages only.
    /// </summary>
    public bool? Cards { get; set; }
}
