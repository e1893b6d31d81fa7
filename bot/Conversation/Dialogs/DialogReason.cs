namespace AssistBot.Bot.Conversation.Dialogs;

public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}
