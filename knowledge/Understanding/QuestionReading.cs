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

    /// <summary>Every topic came from words that also say who is asking (监测户, 脱贫户): in a conversation, who asks, not what.</summary>
    public bool TopicsOnlyFromStatus { get; init; }

    /// <summary>The aspect asked, or null when the question does not say (then "what is it" is the natural reading).</summary>
    public string? Aspect { get; init; }

    /// <summary>The aspect came only from loose words (多少, 几个): a near aspect may answer it.</summary>
    public bool AspectIsLoose { get; init; }

    /// <summary>Every aspect cue found, with where it starts in <see cref="Folded"/> (explain; one aspect per topic).</summary>
    public IReadOnlyList<(string Aspect, string Cue, int Start)> AspectCues { get; init; } = [];

    /// <summary>
    /// The aspect asked of each of several topics ("小额信贷能贷多少，雨露计划怎么申请"), read from that topic's part of the
    /// question; a topic whose part asks none is absent. Empty when the question names one topic or none.
    /// </summary>
    public IReadOnlyDictionary<string, string> TopicAspects { get; init; } = NoTopicAspects;

    internal static readonly IReadOnlyDictionary<string, string> NoTopicAspects = new Dictionary<string, string>();

    /// <summary>The aspect asked of one of several topics, or null when its part of the question asks none.</summary>
    public string? AspectOf(string topic) => TopicAspects.GetValueOrDefault(topic);

    /// <summary>
    /// Every configured county named by name, first mention each, in order, with where it is in <see cref="Folded"/>
    /// ("信丰和禹州…哪个高" names two).
    /// </summary>
    public IReadOnlyList<(string County, int Start, int Length)> NamedCounties { get; init; } = [];

    /// <summary>A configured county named in the question (county id), if any.</summary>
    public string? County { get; init; }

    public bool YesNo { get; init; }

    /// <summary>Who is asking, where the question says (脱贫户, 监测户, 老人, 孩子, 干部).</summary>
    public IReadOnlyList<string> Askers { get; init; } = [];

    /// <summary>
    /// A topic named only in people's words was added to the named ones because the question joins them ("贷款和雨露计划",
    /// "…顺便问下低保", two sentences): several policies are asked, not one in two words.
    /// </summary>
    public bool TopicsJoined { get; init; }

    /// <summary>The strongest tier among the topics found (0 when none).</summary>
    public CueTier? TopicTier { get; init; }
}
