namespace AssistBot.Bot.Cases;

public enum DeclarationStatus
{
    Submitted,
    Accepted,
    Verified,
    Included,
    NotIncluded,
}
