using AssistBot.Knowledge.Declarations;

namespace AssistBot.Knowledge.Places;

/// <summary>The outcome of recognising a township: one, several to choose from, or none.</summary>
public sealed record PlaceMatch(PlaceMatchKind Kind, IReadOnlyList<Township> Candidates)
{
    public static PlaceMatch None { get; } = new(PlaceMatchKind.None, []);

    public static PlaceMatch Exact(Township t) => new(PlaceMatchKind.Exact, [t]);

    public static PlaceMatch Fuzzy(Township t) => new(PlaceMatchKind.Fuzzy, [t]);

    public static PlaceMatch Ambiguous(IReadOnlyList<Township> ts) => new(PlaceMatchKind.Ambiguous, ts);

    /// <summary>The single recognised township (exact or fuzzy), else null.</summary>
    public Township? Township => Kind is PlaceMatchKind.Exact or PlaceMatchKind.Fuzzy ? Candidates[0] : null;
}
