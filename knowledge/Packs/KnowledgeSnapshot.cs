using AssistBot.Knowledge.Search;

namespace AssistBot.Knowledge.Packs;

/// <summary>
/// Everything the answerer needs, built once from a validated set of packs and never changed: swapping a whole
/// snapshot is how a pack edit takes effect while the service runs.
/// </summary>
public sealed class KnowledgeSnapshot
{
    private readonly Dictionary<string, CountyKnowledge> _byPack;

    private KnowledgeSnapshot(IReadOnlyList<KnowledgePack> packs, Dictionary<string, CountyKnowledge> byPack, DateTimeOffset loadedAt)
        => (Packs, _byPack, LoadedAt) = (packs, byPack, loadedAt);

    public IReadOnlyList<KnowledgePack> Packs { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The knowledge one pack answers with (its entries + its parent's, minus overridden ones).</summary>
    public bool TryGet(string packId, out CountyKnowledge knowledge) => _byPack.TryGetValue(packId, out knowledge!);

    public CountyKnowledge? National => _byPack.GetValueOrDefault(KnowledgePack.NationalId);

    public static KnowledgeSnapshot Build(IReadOnlyList<KnowledgePack> packs, DateTimeOffset loadedAt)
    {
        var byId = packs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var result = new Dictionary<string, CountyKnowledge>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            var parent = pack.Parent is not null ? byId.GetValueOrDefault(pack.Parent) : null;
            var overridden = pack.Entries.SelectMany(e => e.Overrides).ToHashSet(StringComparer.Ordinal);
            var entries = pack.Entries.Concat(parent?.Entries.Where(e => !overridden.Contains(e.Id)) ?? []).ToList();
            var synonyms = new Dictionary<string, string>(parent?.Synonyms ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (k, v) in pack.Synonyms) synonyms[k] = v;
            var fillers = (parent?.Fillers ?? []).Concat(pack.Fillers).Distinct(StringComparer.Ordinal);
            var index = new PolicyIndex(entries, new TextRewriter(synonyms, fillers));
            result[pack.Id] = new CountyKnowledge(pack, index);
        }
        return new KnowledgeSnapshot(packs, result, loadedAt);
    }
}

/// <summary>One county's pack with its search index.</summary>
public sealed class CountyKnowledge(KnowledgePack pack, PolicyIndex index)
{
    public KnowledgePack Pack { get; } = pack;
    public PolicyIndex Index { get; } = index;

    public PolicyEntry? Find(string entryId)
    {
        foreach (var e in Index.Entries) if (e.Id == entryId) return e;
        return null;
    }
}
