using System.Text.Json.Nodes;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>Asks for any text (voice recognition included); the result is the trimmed text.</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override string DefaultHelp => PromptTexts.TextHelp;

    protected override string RetryHint => PromptTexts.TextRetry;

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state,
        PromptOptions options, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(string.IsNullOrEmpty(text)
            ? PromptRecognizerResult<string>.Failure()
            : PromptRecognizerResult<string>.Success(text));
    }
}
