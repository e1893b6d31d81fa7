namespace AssistBot.Bot.Cases;

/// <summary>The masked view of a draft the summary shows.</summary>
public sealed record DeclarationDraftView(
    string HeadName,
    string? MaskedIdNumber,
    string MaskedPhone,
    string Township,
    string Village,
    int HouseholdSize,
    IReadOnlyList<HardshipType> Hardships,
    string Description,
    decimal? Income);
