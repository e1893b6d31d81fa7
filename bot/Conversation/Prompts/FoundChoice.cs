using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>The choice a <see cref="ChoicePrompt"/> recognized.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);
