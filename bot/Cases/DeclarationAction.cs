namespace AssistBot.Bot.Cases;

public enum DeclarationAction
{
    Submit,
    Accept,
    Verify,
    Include,
    Reject,
    Transfer,
}
