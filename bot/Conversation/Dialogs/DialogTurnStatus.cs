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
