using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T Value { get; set; } = default!;

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    public static PromptRecognizerResult<T> Failure() => new();
}
