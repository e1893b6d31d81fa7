namespace AssistBot.Bot.Conversation.Dialogs;

public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The dialog ended with a result.</summary>
    Complete,

    /// <summary>The dialog was cancelled.</summary>
    Cancelled,
}

public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public bool ParentEnded { get; init; }
}

/// <summary>
/// The result a prompt ends with when the user gave no usable answer within its attempts (the user has already
/// been offered help). A waterfall ends on it by default; see <see cref="WaterfallDialog.EndOnNoAnswer"/>.
/// </summary>
public sealed class NoAnswer
{
    public static NoAnswer Instance { get; } = new();

    private NoAnswer() { }
}
