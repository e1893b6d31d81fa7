using System.Text;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// Renders a reply for text-only channels (WeChat, WeCom, console): the text, then its suggested actions as
/// numbered lines ("1. 政策咨询"), so that replying "1" works everywhere.
/// </summary>
public static class ReplyRendering
{
    public static string ToText(Activity activity)
    {
        var text = activity.Text ?? "";
        var actions = activity.SuggestedActions?.Actions;
        if (actions is not { Count: > 0 }) return text;
        var builder = new StringBuilder(text.Length + actions.Count * 12);
        builder.Append(text);
        for (var i = 0; i < actions.Count; i++)
        {
            if (builder.Length > 0) builder.Append('\n');
            builder.Append(i + 1).Append(". ").Append(actions[i].Title ?? actions[i].Value?.ToString());
        }
        return builder.ToString();
    }
}
