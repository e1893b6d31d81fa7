namespace AssistBot.Bot.Cases;

/// <summary>The questions of the self-declaration form, in order.</summary>
public enum DeclarationField
{
    HeadName,
    IdNumber,
    Phone,
    Township,
    Village,
    HouseholdSize,
    Hardships,
    Description,
    Income,
}
