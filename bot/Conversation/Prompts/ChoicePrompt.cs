using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Text;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/>, shown as suggested actions (numbered lines on
/// WeChat and the console). Accepts the number, the label or a synonym, or a close variant.
/// </summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
    : Prompt<FoundChoice>(dialogId, validator)
{
    protected override string DefaultHelp => PromptTexts.ChoiceHelp;

    protected override string RetryHint => PromptTexts.ChoiceRetry;

    protected override Activity Decorate(Activity activity, PromptOptions options)
    {
        if (options.Choices is { Count: > 0 } choices)
            activity.SuggestedActions = new SuggestedActions
            {
                Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c.Value, c.Value)).ToList(),
            };
        return activity;
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state,
        PromptOptions options, CancellationToken cancellationToken)
    {
        var choices = options.Choices ?? [];
        var labels = choices.Select(c => (IReadOnlyList<string>)[c.Value, .. c.Synonyms ?? []]).ToList();
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, labels);
        return Task.FromResult(found is { } f
            ? PromptRecognizerResult<FoundChoice>.Success(new FoundChoice(choices[f.Index].Value, f.Index, f.Score, f.Synonym))
            : PromptRecognizerResult<FoundChoice>.Failure());
    }
}
