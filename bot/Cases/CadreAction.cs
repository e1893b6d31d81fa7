using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

/// <summary>A cadre's action on a declaration.</summary>
public sealed record CadreAction(DeclarationAction Kind, bool? VerifiedTrue = null, string? Note = null, string? TransferTo = null);
