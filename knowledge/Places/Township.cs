using AssistBot.Knowledge.Declarations;

namespace AssistBot.Knowledge.Places;

/// <summary>A township (乡镇/街道) with its old names and the villages a source names.</summary>
public sealed record Township(string Name, string? Note, IReadOnlyList<string> Aliases, IReadOnlyList<Village> Villages);
