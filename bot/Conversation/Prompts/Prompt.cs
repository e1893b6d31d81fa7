using System.Text.Json;
using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation.Prompts;

/// <summary>
/// Bot Builder's Prompt&lt;T&gt;: asks, recognizes the answer, validates, and asks again. Unlike Bot Builder it stops
/// after <see cref="PromptOptions.MaxAttempts"/> answers it could not use: it offers help (how to reach a person)
/// and ends with <see cref="NoAnswer"/> instead of looping.
/// </summary>
public abstract class Prompt<T>(string dialogId, PromptValidator<T>? validator = null) : Dialog(dialogId)
{
    public const int DefaultMaxAttempts = 3;
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        if (promptOptions.Prompt is { } prompt) prompt.InputHint ??= InputHints.ExpectingInput;
        if (promptOptions.RetryPrompt is { } retry) retry.InputHint ??= InputHints.ExpectingInput;
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, ActivityJson.Options);
        state[AttemptCountKey] = 0;
        await OnPromptAsync(dc.Context, state, ReadOptions(state), false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsMessage) return EndOfTurn;
        var state = dc.ActiveDialog!.State;
        var options = ReadOptions(state);
        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        var attemptCount = ((int?)state[AttemptCountKey] ?? 0) + 1;
        state[AttemptCountKey] = attemptCount;

        var isValid = validator is null
            ? recognized.Succeeded
            : await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, state, attemptCount), cancellationToken)
                .ConfigureAwait(false);
        if (isValid) return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);

        if (attemptCount >= (options.MaxAttempts ?? DefaultMaxAttempts))
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(PromptTexts.GiveUp), cancellationToken).ConfigureAwait(false);
            return await dc.EndDialogAsync(NoAnswer.Instance, cancellationToken).ConfigureAwait(false);
        }
        if (!dc.Context.Responded) await OnPromptAsync(dc.Context, state, options, true, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null,
        CancellationToken cancellationToken = default)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance,
        CancellationToken cancellationToken = default) =>
        OnPromptAsync(turnContext, instance.State, ReadOptions(instance.State), false, cancellationToken);

    public override string? GetHelpText(ITurnContext turnContext, DialogInstance instance) =>
        ReadOptions(instance.State).Help ?? DefaultHelp;

    /// <summary>How to answer this kind of prompt, for 帮助.</summary>
    protected abstract string DefaultHelp { get; }

    /// <summary>The hint put before the prompt when an answer was not understood and no RetryPrompt was given.</summary>
    protected abstract string RetryHint { get; }

    /// <summary>Sends the prompt (or the retry prompt).</summary>
    protected virtual Task OnPromptAsync(ITurnContext turnContext, JsonObject state, PromptOptions options, bool isRetry,
        CancellationToken cancellationToken)
    {
        var activity = isRetry
            ? options.RetryPrompt ?? WithHint(options.Prompt, RetryHint)
            : options.Prompt ?? MessageFactory.Text(RetryHint, InputHints.ExpectingInput);
        return turnContext.SendActivityAsync(Decorate(activity, options), cancellationToken);
    }

    /// <summary>Adds what the prompt type shows with every prompt (e.g. the choices).</summary>
    protected virtual Activity Decorate(Activity activity, PromptOptions options) => activity;

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, JsonObject state,
        PromptOptions options, CancellationToken cancellationToken);

    private static Activity WithHint(Activity? prompt, string hint)
    {
        var retry = prompt is null ? new Activity() : Clone(prompt);
        retry.Text = string.IsNullOrEmpty(retry.Text) ? hint : hint + "\n" + retry.Text;
        retry.InputHint = InputHints.ExpectingInput;
        return retry;
    }

    private static Activity Clone(Activity activity) =>
        JsonSerializer.Deserialize<Activity>(JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options), ActivityJson.Options)!;

    private static PromptOptions ReadOptions(JsonObject state) =>
        state[OptionsKey]?.Deserialize<PromptOptions>(ActivityJson.Options) ?? new PromptOptions();
}
