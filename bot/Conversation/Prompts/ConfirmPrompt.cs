using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Text;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>Asks a yes/no question; shows 1. 是 / 2. 否 and understands everyday yes and no words.</summary>
public sealed class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null) : Prompt<bool>(dialogId, validator)
{
    protected override string DefaultHelp => PromptTexts.ConfirmHelp;

    protected override string RetryHint => PromptTexts.ConfirmRetry;

    protected override Activity Decorate(Activity activity, PromptOptions options)
    {
        activity.SuggestedActions ??= new SuggestedActions
        {
            Actions =
            [
                new CardAction(ActionTypes.ImBack, PromptTexts.Yes, PromptTexts.Yes),
                new CardAction(ActionTypes.ImBack, PromptTexts.No, PromptTexts.No),
            ],
        };
        return activity;
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state,
        PromptOptions options, CancellationToken cancellationToken)
    {
        var answer = ConfirmRecognizer.Recognize(turnContext.Activity.Text);
        return Task.FromResult(answer is { } yes
            ? PromptRecognizerResult<bool>.Success(yes)
            : PromptRecognizerResult<bool>.Failure());
    }
}
