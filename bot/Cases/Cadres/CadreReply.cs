namespace AssistBot.Bot.Cases.Cadres;

/// <summary>What the bot answers a cadre: text plus numbered choices.</summary>
public sealed record CadreReply(string Text, IReadOnlyList<string> Choices);
