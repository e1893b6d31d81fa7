using System.Text.Json;

namespace AssistBot.Bot.Conversation.Schema;

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public object? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}
