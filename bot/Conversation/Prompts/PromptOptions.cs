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
