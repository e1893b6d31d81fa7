namespace AssistBot.Bot.Conversation.Dialogs;

/// <summary>Bot Builder's Dialog: a piece of conversation that can span several turns.</summary>
public abstract class Dialog(string id)
{
    public static DialogTurnResult EndOfTurn { get; } = new(DialogTurnStatus.Waiting);

    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>The user answered while this dialog was active. Default: end.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(null, cancellationToken);

    /// <summary>A child dialog ended and this dialog is on top again. Default: end with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null,
        CancellationToken cancellationToken = default) =>
        dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks again whatever this dialog is waiting for (after help or an interruption).</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance,
        CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>This dialog is being removed from the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason,
        CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Help for the user while this dialog is the innermost one that has some; null to defer to the parent.</summary>
    public virtual string? GetHelpText(ITurnContext turnContext, DialogInstance instance) => null;
}
