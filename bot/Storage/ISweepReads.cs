namespace AssistBot.Bot.Storage;

/// <summary>
/// Reads of scored indexes for sweeps over many members: keyset paging through one index and the heads of many indexes in
/// one round trip (Redis) or one transaction (embedded). Written through <see cref="IScoredIndex"/>.
/// </summary>
public interface ISweepReads
{
    /// <summary>
    /// Keyset paging: up to <paramref name="take"/> members with <paramref name="minScore"/> ≤ score ≤
    /// <paramref name="maxScore"/> that come strictly after <paramref name="after"/> (null: from the start) in the
    /// order of <see cref="IScoredIndex.IndexRangeByScoreAsync"/>. Unlike skip/take, the cost of a page does not grow with its position.
    /// </summary>
    ValueTask<IReadOnlyList<IndexEntry>> IndexRangeAfterAsync(string index, double minScore, double maxScore, IndexEntry? after,
        int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="IScoredIndex.IndexRangeByScoreAsync"/> (first <paramref name="take"/> members) for many indexes at once; the result is
    /// aligned with <paramref name="indexes"/>.
    /// </summary>
    ValueTask<IReadOnlyList<IReadOnlyList<IndexEntry>>> IndexRangeManyAsync(IReadOnlyList<string> indexes, double minScore,
        double maxScore, int take, CancellationToken cancellationToken = default);
}
