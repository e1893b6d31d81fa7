using System.Text.Json;

namespace AssistBot.Bot.Conversation.Schema;

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}
