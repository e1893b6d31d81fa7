using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.Prompts;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>What a waterfall step sees: the previous step's result, the dialog's options and values, and the stack.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, int index,
        DialogReason reason, object? result, object? options, JsonObject values)
    {
        _waterfall = waterfall;
        DialogContext = dc;
        Index = index;
        Reason = reason;
        Result = result;
        Options = options;
        Values = values;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's child result (a prompt's answer), or the user's text.</summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was begun with (same type after a save/load for AssistBot and primitive types).</summary>
    public object? Options { get; }

    /// <summary>Values kept across the steps of this waterfall (JSON, so they survive between turns).</summary>
    public JsonObject Values { get; }

    public T? GetOptions<T>() where T : class => Options as T;

    /// <summary>Skips to the next step with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled) throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        _nextCalled = true;
        return _waterfall.RunStepAsync(DialogContext, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
