using AssistBot.Knowledge.Declarations;

namespace AssistBot.Knowledge.Places;

public sealed record Village(string Name, string? Source);
