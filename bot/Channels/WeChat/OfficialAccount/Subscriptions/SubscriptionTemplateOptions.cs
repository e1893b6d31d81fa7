namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// One 订阅通知 template of a county (<c>Counties:{id}:WeChat:Subscriptions:{kind}</c>), as chosen in the Official
/// Account's 订阅通知 library (类目 政务民生).
/// </summary>
public sealed class SubscriptionTemplateOptions
{
    /// <summary>The template id the platform assigned when the county added the template.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>
    /// True for a long-term subscription (one consent, many messages until the farmer turns it off; only for
    /// 政务民生 and other public-service categories); false for one-time (one message per consent).
    /// </summary>
    public bool LongTerm { get; set; }

    /// <summary>
    /// Template field → where its value comes from: the name of a value the reminder carries (e.g. "keyword1"),
    /// or a fixed text after "=" (e.g. "=信丰县农业农村局"). Field names carry their type: thing1, date2, amount3 ….
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new();

    /// <summary>What the page calls it (default: by kind, <see cref="SubscriptionTexts"/>).</summary>
    public string? Title { get; set; }

    /// <summary>What it sends, in plain words for farmers (default: by kind).</summary>
    public string? Description { get; set; }

    /// <summary>Where a tap on the notice leads (a web page of the county), optional.</summary>
    public string? Page { get; set; }
}
