namespace AssistBot.Knowledge.Packs;

/// <summary>One pack folder: its metadata (pack.yaml) and its Q&amp;A entries (entries/*.yaml). Immutable.</summary>
public sealed class KnowledgePack
{
    public const string NationalId = "national";

    public required string Id { get; init; }

    /// <summary>County id (xinfeng, yuzhou) or "national".</summary>
    public required string County { get; init; }

    /// <summary>Display name used in answers for local rules (信丰县); empty for the national pack.</summary>
    public string CountyName { get; init; } = "";

    /// <summary>The pack's main document title in 《》.</summary>
    public string Document { get; init; } = "";

    /// <summary>Pack whose entries this one inherits (normally "national"); null for the national pack.</summary>
    public string? Parent { get; init; }

    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>Colloquial terms, typos and homophones → the canonical term (信代 → 信贷).</summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; init; } = new Dictionary<string, string>();

    /// <summary>Words that carry no meaning in a question (那个, 嗯, 我想问下).</summary>
    public IReadOnlyList<string> Fillers { get; init; } = [];

    /// <summary>Terms that mark a question as outside these packs (公积金, 商品房): answered with the fallback.</summary>
    public IReadOnlyList<string> OutOfScope { get; init; } = [];

    public IReadOnlyList<PolicyEntry> Entries { get; init; } = [];

    /// <summary>People's wordings with the entry that answers them (labelled-questions.yaml), for <see cref="Understanding.LabelledQuestionModel"/>.</summary>
    public IReadOnlyList<LabelledQuestion> LabelledQuestions { get; init; } = [];

    public string Directory { get; init; } = "";

    public bool IsNational => County == NationalId;
}
