namespace AssistBot.Knowledge.Understanding;

/// <summary>A topic named in a question, with the words that named it and where.</summary>
public sealed record TopicMention(string Topic, int Start, int Length, string Cue, CueTier Tier);

/// <summary>
/// What a question asks: the topics it names (with spans), the aspect asked, a county named, whether it is a yes/no
/// question, and who is asking where it matters. Produced by <see cref="QuestionReader"/>; the answerer decides on it.
/// </summary>
public sealed record QuestionReading
{
    public required string Folded { get; init; }

    /// <summary>The question's content words besides its topic, aspect and county cues (function characters dropped).</summary>
    public string Rest { get; init; } = "";

    /// <summary>Every topic cue found, in order (hints included).</summary>
    public IReadOnlyList<TopicMention> Mentions { get; init; } = [];

    /// <summary>The topics the question is about, strongest first (hints only when nothing stronger is named).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The aspect asked, or null when the question does not say (then "what is it" is the natural reading).</summary>
    public string? Aspect { get; init; }

    /// <summary>The aspect came only from loose words (多少, 几个): a near aspect may answer it.</summary>
    public bool AspectIsLoose { get; init; }

    /// <summary>Every aspect cue found (for explain).</summary>
    public IReadOnlyList<(string Aspect, string Cue)> AspectCues { get; init; } = [];

    /// <summary>A configured county named in the question (county id), if any.</summary>
    public string? County { get; init; }

    public bool YesNo { get; init; }

    /// <summary>Who is asking, where the question says (脱贫户, 监测户, 老人, 孩子, 干部).</summary>
    public IReadOnlyList<string> Askers { get; init; } = [];

    /// <summary>The strongest tier among the topics found (0 when none).</summary>
    public CueTier? TopicTier { get; init; }
}
