namespace AssistBot.Knowledge.Understanding;

/// <summary>One aspect of <c>vocab/aspects.yaml</c>: how it is asked, which aspects it outranks, which are near it.</summary>
/// <remarks>
/// <see cref="Facets"/> split a broad aspect by what exactly is asked (限制: 担保抵押 / 用途 / 年龄 / 利息): each is a
/// group of words (folded as questions are), each also a cue of the aspect; an entry whose text has none of a facet's
/// words does not speak of that facet.
/// </remarks>
public sealed record AspectDefinition(string Id, string Label, IReadOnlyList<string> Cues, IReadOnlyList<string> WeakCues,
    IReadOnlyList<string> Outranks, IReadOnlyList<string> Near)
{
    public IReadOnlyList<IReadOnlyList<string>> Facets { get; init; } = [];
}
