using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

/// <summary>Reads the bindings <see cref="BindingService"/> writes.</summary>
public sealed class BindingReader(IDocumentStore documents, IScoredIndex scoredIndex, ISweepReads sweepReads) : IBindingReader
{
    public async Task<UserBinding?> GetAsync(string county, string channel, string userId, CancellationToken ct = default) =>
        (await documents.ReadAsync<UserBinding>(CaseKeys.Binding(county, channel, userId), ct).ConfigureAwait(false))?.Value;

    public async Task<IReadOnlyList<string>> BoundUsersAsync(string county, BindingSubject subject, int take = 100,
        CancellationToken ct = default) =>
        (await scoredIndex.IndexRangeByScoreAsync(CaseKeys.IndexBoundUsers(county, subject.Kind, subject.Key), double.NegativeInfinity,
            double.PositiveInfinity, 0, take, ct).ConfigureAwait(false)).Select(e => e.Member).ToList();

    public async Task<IReadOnlyList<IReadOnlyList<string>>> BoundUsersManyAsync(string county, IReadOnlyList<BindingSubject> subjects,
        int take, CancellationToken ct = default)
    {
        if (subjects.Count == 0) return [];
        var bound = await sweepReads.IndexRangeManyAsync(subjects.Select(s => CaseKeys.IndexBoundUsers(county, s.Kind, s.Key)).ToList(),
            double.NegativeInfinity, double.PositiveInfinity, take, ct).ConfigureAwait(false);
        return bound.Select(IReadOnlyList<string> (entries) => entries.Select(e => e.Member).ToList()).ToList();
    }
}
