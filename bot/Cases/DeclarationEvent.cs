namespace AssistBot.Bot.Cases;

/// <summary>One entry of the audit trail.</summary>
public sealed record DeclarationEvent(
    DateTimeOffset At,
    string Actor,
    DeclarationAction Action,
    DeclarationStatus StatusAfter,
    string? Note);
