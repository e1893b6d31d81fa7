using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.Conversation.Schema;

public sealed record ResourceResponse(string Id);
