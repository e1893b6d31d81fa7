namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>
/// A dialog made of dialogs, with its own inner stack (kept in <see cref="DialogInstance.Children"/>).
/// <see cref="OnContinueDialogAsync"/> is the hook for handling a message before the inner dialogs see it.
/// </summary>
public class ComponentDialog(string id) : Dialog(id)
{
    private readonly DialogSet _dialogs = new();

    public string? InitialDialogId { get; protected set; }

    public DialogSet Dialogs => _dialogs;

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    internal DialogContext CreateChildContext(DialogContext outer, DialogInstance instance)
    {
        instance.Children ??= new DialogState();
        return new DialogContext(_dialogs, outer.Context, instance.Children, outer);
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        var innerDc = CreateChildContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await EndIfCompleteAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc,
        CancellationToken cancellationToken = default)
    {
        var innerDc = CreateChildContext(outerDc, outerDc.ActiveDialog!);
        var turnResult = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await EndIfCompleteAsync(outerDc, turnResult, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason,
        object? result = null, CancellationToken cancellationToken = default)
    {
        // Something this component started on the outer stack ended: ask again what the inner dialog waits for.
        await RepromptDialogAsync(outerDc.Context, outerDc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance,
        CancellationToken cancellationToken = default)
    {
        var innerDc = new DialogContext(_dialogs, turnContext, instance.Children ??= new DialogState());
        return OnRepromptDialogAsync(turnContext, innerDc, cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason,
        CancellationToken cancellationToken = default)
    {
        if (reason == DialogReason.CancelCalled && instance.Children is { } children)
        {
            var innerDc = new DialogContext(_dialogs, turnContext, children);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options,
        CancellationToken cancellationToken)
    {
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>The interruption hook: runs before the inner dialogs see the user's message.</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
        innerDc.ContinueDialogAsync(cancellationToken);

    protected virtual Task OnRepromptDialogAsync(ITurnContext turnContext, DialogContext innerDc,
        CancellationToken cancellationToken) =>
        innerDc.RepromptDialogAsync(cancellationToken);

    protected virtual Task OnEndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason,
        CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends this component on the outer stack with the inner result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result,
        CancellationToken cancellationToken) =>
        outerDc.EndDialogAsync(result, cancellationToken);

    private async Task<DialogTurnResult> EndIfCompleteAsync(DialogContext outerDc, DialogTurnResult turnResult,
        CancellationToken cancellationToken)
    {
        if (turnResult.Status == DialogTurnStatus.Complete)
            return await EndComponentAsync(outerDc, turnResult.Result, cancellationToken).ConfigureAwait(false);
        if (turnResult.Status == DialogTurnStatus.Cancelled)
            return await EndComponentAsync(outerDc, null, cancellationToken).ConfigureAwait(false);
        // Empty: the component's inner stack is empty though it did not complete (e.g. the component sent a message
        // and began nothing); treat as complete so it never sits on the stack with nothing to wait for.
        if (turnResult.Status == DialogTurnStatus.Empty)
            return await EndComponentAsync(outerDc, null, cancellationToken).ConfigureAwait(false);
        return turnResult;
    }
}
