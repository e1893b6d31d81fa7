namespace AssistBot.Bot.Hosting;

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
