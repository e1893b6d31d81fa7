using AssistBot.Bot.Conversation.Prompts;

namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>Bot Builder's DialogContext: one level of the dialog stack during a turn.</summary>
public sealed class DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent = null)
{
    public DialogSet Dialogs { get; } = dialogs;

    public ITurnContext Context { get; } = turnContext;

    public DialogState State { get; } = state;

    public DialogContext? Parent { get; } = parent;

    /// <summary>The stack; index 0 is the active dialog.</summary>
    public List<DialogInstance> Stack => State.DialogStack;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>The context of the active dialog's own inner stack, when it is a component dialog.</summary>
    public DialogContext? Child =>
        ActiveDialog is { } active && FindDialog(active.Id) is ComponentDialog component
            ? component.CreateChildContext(this, active)
            : null;

    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null,
        CancellationToken cancellationToken = default)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' was not found; add it to the dialog set.");
        var instance = new DialogInstance { Id = dialogId };
        if (dialog is ComponentDialog) instance.Children = new DialogState();
        Stack.Insert(0, instance);
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active) return new DialogTurnResult(DialogTurnStatus.Empty);
        var dialog = FindActive(active);
        return await dialog.ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } next)
            return await FindActive(next).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken)
                .ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null,
        CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every dialog on this level's stack.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0) return new DialogTurnResult(DialogTurnStatus.Empty);
        while (Stack.Count > 0) await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    public Task RepromptDialogAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active
            ? FindActive(active).RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Removes dialogs above <paramref name="instance"/> (cancelling them) so it becomes the active one.</summary>
    public async Task PopToAsync(DialogInstance instance, CancellationToken cancellationToken = default)
    {
        if (!Stack.Contains(instance)) throw new InvalidOperationException("The dialog instance is not on this stack.");
        while (!ReferenceEquals(ActiveDialog, instance))
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every level from this one down to the innermost active dialog (this context first).
    /// </summary>
    public IReadOnlyList<DialogContext> GetChain()
    {
        var chain = new List<DialogContext>();
        for (var dc = this; dc is not null; dc = dc.Child) chain.Add(dc);
        return chain;
    }

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active) return;
        var dialog = FindDialog(active.Id);
        if (dialog is not null) await dialog.EndDialogAsync(Context, active, reason, cancellationToken).ConfigureAwait(false);
        Stack.RemoveAt(0);
    }

    private Dialog FindActive(DialogInstance instance) =>
        FindDialog(instance.Id)
        ?? throw new DialogNotFoundException(instance.Id);
}
