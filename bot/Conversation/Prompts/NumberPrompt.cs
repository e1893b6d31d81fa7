using System.Numerics;
using System.Text.Json.Nodes;
using AssistBot.Bot.Text;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>
/// Asks for a number; understands Arabic and Chinese numerals with units ("三口人", "六千五", "2万", "大概五千").
/// For integer types an answer with a fraction is not accepted.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    protected override string DefaultHelp => PromptTexts.NumberHelp;

    protected override string RetryHint => PromptTexts.NumberRetry;

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state,
        PromptOptions options, CancellationToken cancellationToken)
    {
        var value = ChineseNumberRecognizer.Recognize(turnContext.Activity.Text);
        if (value is not { } number) return Task.FromResult(PromptRecognizerResult<T>.Failure());
        var isInteger = typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(short);
        if (isInteger && number != decimal.Truncate(number)) return Task.FromResult(PromptRecognizerResult<T>.Failure());
        try
        {
            return Task.FromResult(PromptRecognizerResult<T>.Success(T.CreateChecked(number)));
        }
        catch (OverflowException)
        {
            return Task.FromResult(PromptRecognizerResult<T>.Failure());
        }
    }
}
