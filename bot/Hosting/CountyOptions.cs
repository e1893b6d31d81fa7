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
