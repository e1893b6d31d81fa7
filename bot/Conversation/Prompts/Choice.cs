using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>One choice of a <see cref="ChoicePrompt"/>: its label and other words that mean it.</summary>
public sealed class Choice
{
    public Choice() { }

    public Choice(string value, params string[] synonyms) => (Value, Synonyms) = (value, synonyms.Length > 0 ? [.. synonyms] : null);

    public string Value { get; set; } = "";

    public List<string>? Synonyms { get; set; }
}
