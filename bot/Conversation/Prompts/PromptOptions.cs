using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>What a prompt asks, how it asks again, and (for choice prompts) the choices.</summary>
public sealed class PromptOptions
{
    public Activity? Prompt { get; set; }

    /// <summary>Sent after an answer that was not understood; default: a short hint plus the prompt again.</summary>
    public Activity? RetryPrompt { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>Anything a validator needs (e.g. {"min":1,"max":20}); kept with the prompt's state.</summary>
    public JsonNode? Validations { get; set; }

    /// <summary>Shown for 帮助 while this prompt waits; default: how to answer this kind of prompt.</summary>
    public string? Help { get; set; }

    /// <summary>Answers not understood before the prompt gives up and offers help (default 3).</summary>
    public int? MaxAttempts { get; set; }

    public static PromptOptions Text(string prompt, string? retryPrompt = null, string? help = null) => new()
    {
        Prompt = MessageFactory.Text(prompt),
        RetryPrompt = retryPrompt is null ? null : MessageFactory.Text(retryPrompt),
        Help = help,
    };

    public static PromptOptions Choose(string prompt, IEnumerable<string> choices, string? retryPrompt = null, string? help = null)
    {
        var options = Text(prompt, retryPrompt, help);
        options.Choices = choices.Select(c => new Choice(c)).ToList();
        return options;
    }
}

/// <summary>One choice of a <see cref="ChoicePrompt"/>: its label and other words that mean it.</summary>
public sealed class Choice
{
    public Choice() { }

    public Choice(string value, params string[] synonyms) => (Value, Synonyms) = (value, synonyms.Length > 0 ? [.. synonyms] : null);

    public string Value { get; set; } = "";

    public List<string>? Synonyms { get; set; }
}

/// <summary>The choice a <see cref="ChoicePrompt"/> recognized.</summary>
public sealed record FoundChoice(string Value, int Index, double Score, string? Synonym = null);

public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T Value { get; set; } = default!;

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    public static PromptRecognizerResult<T> Failure() => new();
}

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

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
