using System.Globalization;
using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.WeChat;

/// <summary>What to do with one inbound WeChat / WeCom message.</summary>
public readonly record struct WeChatInboundAction(Activity? Activity, string? ImmediateReply)
{
    /// <summary>Run a turn with this activity.</summary>
    public static WeChatInboundAction Turn(Activity activity) => new(activity, null);

    /// <summary>Answer at once with a fixed text; no turn, no state.</summary>
    public static WeChatInboundAction Reply(string text) => new(null, text);

    /// <summary>Nothing to do; answer "success".</summary>
    public static WeChatInboundAction Ignore { get; } = new(null, null);
}
