namespace AssistBot.Knowledge.Understanding;

/// <summary>One policy topic of <c>vocab/topics.yaml</c> and the words that name it.</summary>
public sealed record TopicDefinition(string Id, IReadOnlyList<(string Cue, CueTier Tier)> Cues, string? Parent = null)
{
    /// <summary>
    /// The distinct kinds the topic's figures can be about, each with the words people use for it ([中职, 中专, 技校],
    /// [小学, 义务教育] of 教育资助): an entry whose figures are for some kinds does not answer a sum asked of another.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Kinds { get; init; } = [];

    /// <summary>
    /// The topic is a stretch of time (过渡期), not a policy one applies for: right after an answer about it, "那小额信贷呢"
    /// asks what that time means for the loan, which the answer speaks of, not the loan from scratch.
    /// </summary>
    public bool IsPeriod { get; init; }
}
