using System.Text;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// Turns a turn's reply activities into WeChat text: messages joined by a blank line, suggested actions as
/// numbered lines ("1. 政策咨询", via the engine's <see cref="ReplyRendering"/> so every text channel numbers
/// alike), split into parts of at most the passive-reply size.
/// </summary>
public static class WeChatReplyRenderer
{
    public static string Render(IReadOnlyList<Activity> replies)
    {
        if (replies.Count == 0) return "";
        if (replies.Count == 1 && replies[0] is { Type: ActivityTypes.Message } only)
            return ReplyRendering.ToText(only).Trim();

        var sb = new StringBuilder();
        foreach (var reply in replies)
        {
            if (reply.Type != ActivityTypes.Message) continue;
            var rendered = ReplyRendering.ToText(reply).Trim();
            if (rendered.Length == 0) continue;
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(rendered);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="maxBytes"/> UTF-8 bytes, preferring to
    /// break after a newline, then after Chinese/Western punctuation, never inside a character.
    /// </summary>
    public static List<string> Split(string text, int maxBytes)
    {
        var parts = new List<string>(1);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            parts.Add(text);
            return parts;
        }
        var start = 0;
        while (start < text.Length)
        {
            // Longest prefix from start that fits.
            var bytes = 0;
            var end = start;
            while (end < text.Length)
            {
                var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
                if (bytes + size > maxBytes) break;
                bytes += size;
                end += width;
            }
            if (end < text.Length)
            {
                var cut = BestBreak(text, start, end);
                if (cut > start) end = cut;
            }
            var part = text[start..end].Trim();
            if (part.Length > 0) parts.Add(part);
            start = end;
            while (start < text.Length && text[start] == '\n') start++;
        }
        return parts;
    }

    private static int BestBreak(string text, int start, int end)
    {
        var minimum = start + (end - start) / 2; // don't leave tiny parts
        var newline = text.LastIndexOf('\n', end - 1, end - start);
        if (newline >= minimum) return newline + 1;
        for (var i = end - 1; i >= minimum; i--)
            if (text[i] is '。' or '！' or '？' or '；' or '.' or '!' or '?' or ';' or '，' or ',')
                return i + 1;
        return end;
    }
}
