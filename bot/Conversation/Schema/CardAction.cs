using System.Text.Json;

namespace AssistBot.Bot.Conversation.Schema;

public sealed class CardAction
{
    public CardAction() { }

    public CardAction(string type, string title, object? value) => (Type, Title, Value) = (type, title, value);

    public string Type { get; set; } = ActionTypes.ImBack;
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public object? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ImageAltText { get; set; }
}
