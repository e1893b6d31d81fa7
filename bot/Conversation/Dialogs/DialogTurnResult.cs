namespace AssistBot.Bot.Conversation.Dialogs;

public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    public bool ParentEnded { get; init; }
}
