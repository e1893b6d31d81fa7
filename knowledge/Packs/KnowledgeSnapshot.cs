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

    /// <summary>The knowledge of the (first) pack of a county id such as <c>yuzhou</c>.</summary>
    public CountyKnowledge? ForCounty(string county)
    {
        foreach (var pack in Packs)
            if (pack.County == county && _byPack.TryGetValue(pack.Id, out var knowledge)) return knowledge;
        return null;
    }

    public static KnowledgeSnapshot Build(IReadOnlyList<KnowledgePack> packs, DateTimeOffset loadedAt,
        Understanding.Vocabulary? vocabulary = null)
    {
        vocabulary ??= Understanding.Vocabulary.Empty;
        var countyAliases = CountyAliases(packs);
        var byId = packs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var result = new Dictionary<string, CountyKnowledge>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            var parent = pack.Parent is not null ? byId.GetValueOrDefault(pack.Parent) : null;
            var overridden = pack.Entries.SelectMany(e => e.Overrides).ToHashSet(StringComparer.Ordinal);
            var parentEntries = parent?.Entries ?? [];
            var entries = pack.Entries.Select(e => WithOverriddenWords(e, parentEntries))
                .Concat(parentEntries.Where(e => !overridden.Contains(e.Id))).ToList();
            var synonyms = new Dictionary<string, string>(parent?.Synonyms ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var (k, v) in pack.Synonyms) synonyms[k] = v;
            var fillers = (parent?.Fillers ?? []).Concat(pack.Fillers).Distinct(StringComparer.Ordinal);
            var outOfScope = (parent?.OutOfScope ?? []).Concat(pack.OutOfScope).Distinct(StringComparer.Ordinal).ToList();
            var index = new PolicyIndex(entries, new TextRewriter(synonyms, fillers), localPackId: pack.IsNational ? null : pack.Id, outOfScope);
            var reader = new Understanding.QuestionReader(vocabulary, synonyms, countyAliases, pack.IsNational ? null : pack.County);
            result[pack.Id] = new CountyKnowledge(pack, index, reader, vocabulary);
        }
        return new KnowledgeSnapshot(packs, result, loadedAt);
    }

    /// <summary>How questions name a configured county: 信丰县, 信丰, and the pack's synonyms for them.</summary>
    private static List<(string Alias, string County)> CountyAliases(IReadOnlyList<KnowledgePack> packs)
    {
        var aliases = new List<(string, string)>();
        foreach (var pack in packs.Where(p => !p.IsNational && p.CountyName.Length > 0))
        {
            aliases.Add((pack.CountyName, pack.County));
            var name = pack.CountyName;
            if (name.Length > 2 && (name.EndsWith('县') || name.EndsWith('市') || name.EndsWith('区'))) aliases.Add((name[..^1], pack.County));
            foreach (var (variant, canonical) in pack.Synonyms)
                if (canonical == name || canonical == name[..^1]) aliases.Add((variant, pack.County));
        }
        return aliases;
    }

    /// <summary>
    /// A county entry that replaces national ones answers the same questions, so it is also found by their keywords and
    /// sample questions (people ask "能贷几万" whichever entry answers it).
    /// </summary>
    private static PolicyEntry WithOverriddenWords(PolicyEntry entry, IReadOnlyList<PolicyEntry> parentEntries)
    {
        if (entry.Overrides.Count == 0) return entry;
        var replaced = parentEntries.Where(p => entry.Overrides.Contains(p.Id)).ToList();
        return new PolicyEntry
        {
            Id = entry.Id, Title = entry.Title, Audience = entry.Audience, Answer = entry.Answer, Detail = entry.Detail,
            How = entry.How, Source = entry.Source, EffectiveFrom = entry.EffectiveFrom, EffectiveTo = entry.EffectiveTo,
            Overrides = entry.Overrides, PackId = entry.PackId, Origin = entry.Origin,
            Topics = entry.Topics, Aspects = entry.Aspects, TopicLine = entry.TopicLine, AspectsLine = entry.AspectsLine,
            Keywords = entry.Keywords.Concat(replaced.SelectMany(r => r.Keywords)).Distinct().ToList(),
            Questions = entry.Questions.Concat(replaced.SelectMany(r => r.Questions)).Distinct().ToList(),
        };
    }
}

/// <summary>One county's pack with its search index.</summary>
public sealed class CountyKnowledge
{
    public CountyKnowledge(KnowledgePack pack, PolicyIndex index, Understanding.QuestionReader? reader = null,
        Understanding.Vocabulary? vocabulary = null)
    {
        Pack = pack;
        Index = index;
        Vocabulary = vocabulary ?? Understanding.Vocabulary.Empty;
        Reader = reader ?? new Understanding.QuestionReader(Vocabulary, new Dictionary<string, string>(), []);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < index.Entries.Count; i++) positions.TryAdd(index.Entries[i].Id, i);
        Positions = positions;
        Labels = index.Entries.Select(e => Understanding.CueMatcher<int>.Fold(e.Title + "|" + string.Join("|", e.Keywords))).ToArray();
        Texts = index.Entries.Select(e => Understanding.CueMatcher<int>.Fold(
            string.Join("|", [e.Title, .. e.Keywords, .. e.Questions, e.Answer, e.How ?? "", e.Detail ?? ""]))).ToArray();
        // The plain answer of every entry, composed once so answering a question allocates next to nothing.
        PlainAnswers = index.Entries.Select(e => Answering.PolicyTexts.Compose(CountyPrefixFor(e), e.Answer, e.Source)).ToArray();
        // How people ask: the pack's labelled questions and every entry's own sample questions, for entries that answer here.
        Labelled = new Understanding.LabelledQuestionModel(
            pack.LabelledQuestions.Where(q => LabelledQuestion.IsReserved(q.Label) || positions.ContainsKey(q.Label))
                .Select(q => (q.Label, q.Question))
                .Concat(index.Entries.SelectMany(e => e.Questions.Select(q => (e.Id, q)))));
    }

    /// <summary>What the labelled questions most like a question were answered with (<see cref="Understanding.LabelledQuestionModel"/>).</summary>
    public Understanding.LabelledQuestionModel Labelled { get; }

    public KnowledgePack Pack { get; }
    public PolicyIndex Index { get; }

    /// <summary>Reads questions into topics, aspect and county with the vocabulary and this county's synonyms.</summary>
    public Understanding.QuestionReader Reader { get; }

    public Understanding.Vocabulary Vocabulary { get; }

    /// <summary>Folded title and keywords of each entry of <see cref="Index"/> (same order).</summary>
    internal string[] Labels { get; }

    /// <summary>Everything each entry says, folded (title, keywords, sample questions, answer, how, detail; same order).</summary>
    internal string[] Texts { get; }

    /// <summary>Entry id → position in <see cref="Index"/>.</summary>
    internal IReadOnlyDictionary<string, int> Positions { get; }

    /// <summary>Reply text of each entry of <see cref="Index"/> (same order): county prefix, answer, source line.</summary>
    internal string[] PlainAnswers { get; }

    /// <summary>"信丰县：" for this county's own entries, nothing for national ones.</summary>
    public string CountyPrefixFor(PolicyEntry entry) =>
        entry.PackId == Pack.Id ? Answering.PolicyTexts.CountyPrefix(Pack.CountyName) : "";

    public PolicyEntry? Find(string entryId)
    {
        foreach (var e in Index.Entries) if (e.Id == entryId) return e;
        return null;
    }
}
