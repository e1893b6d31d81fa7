using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>What a validator sees; return false to ask again (send your own message to replace the retry prompt).</summary>
public sealed class PromptValidatorContext<T>(ITurnContext context, PromptRecognizerResult<T> recognized, PromptOptions options,
    JsonObject state, int attemptCount)
{
    public ITurnContext Context { get; } = context;

    public PromptRecognizerResult<T> Recognized { get; } = recognized;

    public PromptOptions Options { get; } = options;

    public JsonObject State { get; } = state;

    /// <summary>How many answers the user has given to this prompt, this one included.</summary>
    public int AttemptCount { get; } = attemptCount;
}
