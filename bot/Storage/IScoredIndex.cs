namespace AssistBot.Bot.Storage;

/// <summary>
/// Scored indexes (sorted sets): members ordered by a score such as a due time or a date, read and written one index at
/// a time. Batch reads for sweeps are <see cref="ISweepReads"/>.
/// </summary>
public interface IScoredIndex
{
    /// <summary>Adds or re-scores a member of a scored index.</summary>
    ValueTask IndexAddAsync(string index, string member, double score, CancellationToken cancellationToken = default);

    /// <summary>Removes a member; returns false when it was not there.</summary>
    ValueTask<bool> IndexRemoveAsync(string index, string member, CancellationToken cancellationToken = default);

    /// <summary>
    /// Members with <paramref name="minScore"/> ≤ score ≤ <paramref name="maxScore"/>, ordered by score then member
    /// (ordinal), skipping <paramref name="skip"/> and returning at most <paramref name="take"/>.
    /// </summary>
    ValueTask<IReadOnlyList<IndexEntry>> IndexRangeByScoreAsync(string index, double minScore, double maxScore,
        int skip = 0, int take = 100, CancellationToken cancellationToken = default);

    /// <summary>Removes the members with <paramref name="minScore"/> ≤ score ≤ <paramref name="maxScore"/>; returns how many.</summary>
    ValueTask<long> IndexRemoveRangeByScoreAsync(string index, double minScore, double maxScore,
        CancellationToken cancellationToken = default);

    /// <summary>The score of one member, or null when absent.</summary>
    ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many slot groups a caller should spread a large keyspace over (a hash tag per group, so the groups land on
    /// different nodes of a Redis Cluster, each with its own index): 1 where one node holds everything, and then keys
    /// keep their plain names.
    /// </summary>
    int SlotGroups => 1;
}
