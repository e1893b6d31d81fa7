using AssistBot.Knowledge.Declarations;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Packs;

/// <summary>
/// Every file of every pack, loaded together from one folder (<see cref="KnowledgeOptions.ResolvePacksDirectory"/>):
/// the Q&amp;A entries with the vocabulary (<see cref="Knowledge"/>) and the county files — places, declaration rules,
/// reminder rules (<see cref="Counties"/>). <see cref="PackRegistry"/> holds the one in use and swaps it on reload;
/// <c>knowledge check</c> reads the same way. The two parts are checked apart, so an error in one keeps that part's
/// last good version without holding back the other (a bad reminders.yaml does not freeze the Q&amp;A, nor a bad entry
/// the reminders).
/// </summary>
public sealed record PackCatalog(KnowledgeSnapshot Knowledge, CaseCatalog Counties)
{
    public static PackCatalog Empty(DateTimeOffset now) => new(KnowledgeSnapshot.Build([], now), CaseCatalog.Empty);

    /// <summary>Reads and validates every pack file of the folder; <see cref="PackCatalogFiles.Issues"/> says whether it is usable.</summary>
    public static PackCatalogFiles Read(string packsDirectory, IReadOnlyCollection<string>? knownCounties = null)
    {
        var loaded = PackLoader.LoadAll(packsDirectory);
        var knowledgeIssues = new List<PackIssue>(loaded.Issues);
        var vocabularyDirectory = Vocabulary.ResolveDirectory(packsDirectory);
        var vocabulary = Vocabulary.Load(vocabularyDirectory, knowledgeIssues);
        knowledgeIssues.AddRange(PackValidator.Validate(loaded.Packs, knownCounties, vocabulary));
        var countyIssues = new List<PackIssue>();
        var counties = CaseCatalog.Load(packsDirectory, countyIssues);
        // A pack of a county this deployment does not configure is skipped (a warning above); the others load.
        return new PackCatalogFiles(packsDirectory, PackValidator.Usable(loaded.Packs, knownCounties), vocabularyDirectory, vocabulary, counties, knowledgeIssues, countyIssues);
    }
}

/// <summary>What <see cref="PackCatalog.Read"/> found: the files' contents and every problem with its file and line.</summary>
public sealed record PackCatalogFiles(string Directory, IReadOnlyList<KnowledgePack> Packs, string VocabularyDirectory, Vocabulary Vocabulary,
    CaseCatalog Counties, IReadOnlyList<PackIssue> KnowledgeIssues, IReadOnlyList<PackIssue> CountyIssues)
{
    public IReadOnlyList<PackIssue> Issues { get; } = [.. KnowledgeIssues, .. CountyIssues];

    public bool HasErrors => Issues.Any(IsError);

    /// <summary>
    /// The catalog to use after this read: each part that has no errors is replaced, a part with errors keeps its version
    /// in <paramref name="current"/> (the last good one).
    /// </summary>
    public PackCatalog Apply(PackCatalog current, DateTimeOffset now) => new(
        KnowledgeIssues.Any(IsError) ? current.Knowledge : KnowledgeSnapshot.Build(Packs, now, Vocabulary),
        CountyIssues.Any(IsError) ? current.Counties : Counties);

    private static bool IsError(PackIssue issue) => issue.Severity == PackIssueSeverity.Error;
}
