namespace AssistBot.Knowledge.Understanding;

/// <summary>One policy topic of <c>vocab/topics.yaml</c> and the words that name it.</summary>
public sealed record TopicDefinition(string Id, IReadOnlyList<(string Cue, CueTier Tier)> Cues, string? Parent = null);
