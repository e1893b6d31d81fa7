using AssistBot.Knowledge.Declarations;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Packs;

/// <summary>
/// Every file of every pack, loaded together from one folder (<see cref="KnowledgeOptions.ResolvePacksDirectory"/>):
/// the Q&amp;A entries with the vocabulary (<see cref="Knowledge"/>) and the county files — places, declaration rules,
/// reminder rules (<see cref="Counties"/>). <see cref="PackRegistry"/> holds the one in use and swaps it on reload;
/// <c>knowledge check</c> reads the same way.
/// </summary>
public sealed record PackCatalog(KnowledgeSnapshot Knowledge, CaseCatalog Counties)
{
    public static PackCatalog Empty(DateTimeOffset now) => new(KnowledgeSnapshot.Build([], now), CaseCatalog.Empty);

    /// <summary>Reads and validates every pack file of the folder; <see cref="PackCatalogFiles.Issues"/> says whether it is usable.</summary>
    public static PackCatalogFiles Read(string packsDirectory, IReadOnlyCollection<string>? knownCounties = null)
    {
        var loaded = PackLoader.LoadAll(packsDirectory);
        var issues = new List<PackIssue>(loaded.Issues);
        var vocabularyDirectory = Vocabulary.ResolveDirectory(packsDirectory);
        var vocabulary = Vocabulary.Load(vocabularyDirectory, issues);
        issues.AddRange(PackValidator.Validate(loaded.Packs, knownCounties, vocabulary));
        var counties = CaseCatalog.Load(packsDirectory, issues);
        return new PackCatalogFiles(packsDirectory, loaded.Packs, vocabularyDirectory, vocabulary, counties, issues);
    }
}

/// <summary>What <see cref="PackCatalog.Read"/> found: the files' contents and every problem with its file and line.</summary>
public sealed record PackCatalogFiles(string Directory, IReadOnlyList<KnowledgePack> Packs, string VocabularyDirectory, Vocabulary Vocabulary,
    CaseCatalog Counties, IReadOnlyList<PackIssue> Issues)
{
    public bool HasErrors => Issues.Any(i => i.Severity == PackIssueSeverity.Error);

    public PackCatalog ToCatalog(DateTimeOffset now) => new(KnowledgeSnapshot.Build(Packs, now, Vocabulary), Counties);
}
