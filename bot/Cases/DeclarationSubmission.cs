namespace AssistBot.Bot.Cases;

/// <summary>What the farmer confirmed in the form, validated; ID number and phone still in the clear (never stored so).</summary>
public sealed record DeclarationSubmission(
    string HeadName,
    string? IdNumber,
    string Phone,
    string Township,
    string Village,
    int HouseholdSize,
    IReadOnlyList<HardshipType> Hardships,
    string Description,
    decimal? EstimatedIncomePerCapita);
