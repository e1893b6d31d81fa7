namespace AssistBot.Knowledge.Declarations;

/// <summary>The procedure a declaration goes through, as told to farmers.</summary>
/// <see cref="Citation"/> is the short form farmers read; <see cref="Source"/> the full reference.
public sealed record ProcedureRules(IReadOnlyList<string> Steps, int? PublicityMinDays, int? TotalLimitDays, string Citation, string Source);
