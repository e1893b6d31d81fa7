using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Understanding;

/// <summary>
/// The shared topic and aspect vocabularies (data in <c>knowledge/vocab/</c>, editable by county staff): what a
/// question can be about and what it can ask about it, with colloquial, dialect, voice and homophone cues.
/// </summary>
public sealed class Vocabulary
{
    public const string TopicsFile = "topics.yaml";
    public const string AspectsFile = "aspects.yaml";

    public static Vocabulary Empty { get; } = new([], [], [], new Dictionary<string, IReadOnlyList<string>>(), "");

    /// <summary>A cue rewritten with a dialect word shorter than this is not a cue ("是么" is a yes/no, not "是什么").</summary>
    private const int MinVariantChars = 3;

    public Vocabulary(IReadOnlyList<TopicDefinition> topics, IReadOnlyList<AspectDefinition> aspects, IReadOnlyList<string> yesNo,
        IReadOnlyDictionary<string, IReadOnlyList<string>> askers, string directory)
    {
        Topics = topics;
        Aspects = aspects;
        YesNo = yesNo;
        Askers = askers;
        Directory = directory;
        TopicIds = topics.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        AspectIds = aspects.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        // Looked up on every question, several times: a dictionary, not a search with a fresh lambda each time. The
        // first definition of an id wins, as the search did.
        _topicsById = topics.DistinctBy(t => t.Id).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _aspectsById = aspects.DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, TopicDefinition> _topicsById;
    private readonly Dictionary<string, AspectDefinition> _aspectsById;

    public IReadOnlyList<TopicDefinition> Topics { get; }
    public IReadOnlyList<AspectDefinition> Aspects { get; }
    public IReadOnlyList<string> YesNo { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Askers { get; }
    public IReadOnlySet<string> TopicIds { get; }
    public IReadOnlySet<string> AspectIds { get; }
    public string Directory { get; }

    /// <summary>
    /// People's words for a whole area of their life that several policies cover ("房子的事" → 危房改造, 安置点): with
    /// no policy named, the farmer is asked which one.
    /// </summary>
    public IReadOnlyList<PolicyArea> Areas { get; init; } = [];

    /// <summary>Words for "this county" (我们县, 俺这): a question naming them names the county it is asked in.</summary>
    public IReadOnlyList<string> Here { get; init; } = [];

    public bool IsEmpty => Topics.Count == 0;

    public AspectDefinition? Aspect(string? id) => id is not null && _aspectsById.TryGetValue(id, out var aspect) ? aspect : null;

    public TopicDefinition? Topic(string? id) => id is not null && _topicsById.TryGetValue(id, out var topic) ? topic : null;

    /// <summary>True when <paramref name="ancestor"/> is a parent (or grand-parent …) of <paramref name="topic"/>.</summary>
    public bool IsWithin(string topic, string ancestor)
    {
        for (var (t, depth) = (Topic(topic), 0); t?.Parent is { } parent && depth < 8; depth++)
        {
            if (parent == ancestor) return true;
            t = Topic(parent);
        }
        return false;
    }

    /// <summary>
    /// Where the vocabulary lives for a packs folder: <c>vocab/</c> beside it (the repository layout and a county's
    /// own copy), else <c>vocab/</c> next to the binary.
    /// </summary>
    public static string ResolveDirectory(string packsDirectory)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(packsDirectory).TrimEnd(Path.DirectorySeparatorChar));
        var beside = parent is null ? null : Path.Combine(parent, "vocab");
        if (beside is not null && File.Exists(Path.Combine(beside, TopicsFile))) return beside;
        return Path.Combine(AppContext.BaseDirectory, "vocab");
    }

    /// <summary>Reads both files; problems are reported with file and line, and what could be read is kept.</summary>
    public static Vocabulary Load(string directory, List<PackIssue> issues)
    {
        var topics = new List<TopicDefinition>();
        var aspects = new List<AspectDefinition>();
        var yesNo = new List<string>();
        var askers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var topicsPath = Path.Combine(directory, TopicsFile);
        var aspectsPath = Path.Combine(directory, AspectsFile);
        if (!File.Exists(topicsPath) || !File.Exists(aspectsPath))
        {
            issues.Add(PackIssue.Error(directory, 0, $"vocabulary files {TopicsFile} and {AspectsFile} are missing"));
            return new Vocabulary(topics, aspects, yesNo, askers, directory);
        }

        var topicsRoot = Root(topicsPath, issues);
        if (topicsRoot is not null && Child(topicsRoot, "topics") is YamlSequenceNode topicList)
        {
            foreach (var node in topicList.Children.OfType<YamlMappingNode>())
            {
                var id = Scalar(node, "id");
                if (string.IsNullOrWhiteSpace(id)) { issues.Add(PackIssue.Error(topicsPath, (int)node.Start.Line, "topic without id")); continue; }
                if (topics.Any(t => t.Id == id)) issues.Add(PackIssue.Error(topicsPath, (int)node.Start.Line, $"topic '{id}' is listed twice"));
                var cues = new List<(string, CueTier)> { (id, CueTier.Name) };
                foreach (var (field, tier) in new[] { ("names", CueTier.Name), ("colloquial", CueTier.Colloquial), ("voice", CueTier.Colloquial), ("hints", CueTier.Hint) })
                    cues.AddRange(List(node, field).Select(c => (c, tier)));
                var period = Scalar(node, "period");
                if (period is not (null or "true" or "false"))
                    issues.Add(PackIssue.Error(topicsPath, (int)node.Start.Line, $"topic '{id}': period must be true or false, not '{period}'"));
                topics.Add(new TopicDefinition(id, cues, Scalar(node, "parent"))
                    { Kinds = Kinds(node), IsPeriod = period == "true" });
            }
        }
        else issues.Add(PackIssue.Error(topicsPath, 1, "expected a 'topics:' list"));
        foreach (var t in topics.Where(t => t.Parent is not null && !topics.Any(o => o.Id == t.Parent)))
            issues.Add(PackIssue.Error(topicsPath, 0, $"topic '{t.Id}' names unknown parent '{t.Parent}'"));
        var areas = new List<PolicyArea>();
        if (topicsRoot is not null && Child(topicsRoot, "areas") is YamlSequenceNode areaList)
            foreach (var node in areaList.Children.OfType<YamlMappingNode>())
            {
                var words = List(node, "words").Select(CueMatcher<int>.Fold).Where(w => w.Length > 0).ToList();
                var of = List(node, "topics");
                foreach (var unknown in of.Where(t => !topics.Any(o => o.Id == t)))
                    issues.Add(PackIssue.Error(topicsPath, (int)node.Start.Line, $"area names unknown topic '{unknown}'"));
                var known = of.Where(t => topics.Any(o => o.Id == t)).ToList();
                if (words.Count == 0 || known.Count < 2)
                    issues.Add(PackIssue.Error(topicsPath, (int)node.Start.Line, "an area needs words and at least two known topics"));
                else areas.Add(new PolicyArea(words, known));
            }

        var here = new List<string>();
        if (Root(aspectsPath, issues) is { } aspectsRoot)
        {
            var dialect = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (Child(aspectsRoot, "dialect") is YamlMappingNode dialectMap)
                foreach (var (key, value) in dialectMap.Children)
                    if (key is YamlScalarNode { Value: { Length: > 0 } word } && value is YamlSequenceNode variants)
                        dialect[word] = variants.Children.OfType<YamlScalarNode>().Select(w => w.Value?.Trim() ?? "").Where(w => w.Length > 0).ToList();
            here.AddRange(List(aspectsRoot, "here"));
            if (Child(aspectsRoot, "aspects") is YamlSequenceNode aspectList)
                foreach (var node in aspectList.Children.OfType<YamlMappingNode>())
                {
                    var id = Scalar(node, "id");
                    if (string.IsNullOrWhiteSpace(id)) { issues.Add(PackIssue.Error(aspectsPath, (int)node.Start.Line, "aspect without id")); continue; }
                    var facets = Child(node, "facets") is YamlSequenceNode facetList
                        ? facetList.Children.OfType<YamlSequenceNode>()
                            .Select(f => (IReadOnlyList<string>)f.Children.OfType<YamlScalarNode>().Select(w => CueMatcher<int>.Fold(w.Value?.Trim() ?? "")).Where(w => w.Length > 0).ToList())
                            .Where(f => f.Count > 0).ToList()
                        : [];
                    aspects.Add(new AspectDefinition(id, Scalar(node, "label") ?? id, WithDialect(List(node, "cues"), dialect),
                        WithDialect(List(node, "weak"), dialect), List(node, "outranks"), List(node, "near")) { Facets = facets });
                }
            else issues.Add(PackIssue.Error(aspectsPath, 1, "expected an 'aspects:' list"));
            yesNo.AddRange(List(aspectsRoot, "yesno"));
            if (Child(aspectsRoot, "askers") is YamlMappingNode askerMap)
                foreach (var (key, value) in askerMap.Children)
                    if (key is YamlScalarNode { Value: { } who } && value is YamlSequenceNode words)
                        askers[who] = words.Children.OfType<YamlScalarNode>().Select(w => w.Value ?? "").Where(w => w.Length > 0).ToList();
            var ids = aspects.Select(a => a.Id).ToHashSet();
            foreach (var a in aspects)
                foreach (var other in a.Outranks.Concat(a.Near))
                    if (!ids.Contains(other)) issues.Add(PackIssue.Error(aspectsPath, 0, $"aspect '{a.Id}' names unknown aspect '{other}'"));
        }
        return new Vocabulary(topics, aspects, yesNo, askers, directory) { Here = here, Areas = areas };
    }

    /// <summary>A topic's <c>kinds:</c>, each a word or a list of words for the same kind, folded.</summary>
    private static List<IReadOnlyList<string>> Kinds(YamlMappingNode node)
    {
        var kinds = new List<IReadOnlyList<string>>();
        if (Child(node, "kinds") is not YamlSequenceNode list) return kinds;
        foreach (var item in list.Children)
        {
            IEnumerable<YamlScalarNode> words = item switch
            {
                YamlSequenceNode group => group.Children.OfType<YamlScalarNode>(),
                YamlScalarNode word => [word],
                _ => [],
            };
            var folded = words.Select(w => CueMatcher<int>.Fold(w.Value?.Trim() ?? "")).Where(w => w.Length > 0).ToList();
            if (folded.Count > 0) kinds.Add(folded);
        }
        return kinds;
    }

    /// <summary>
    /// The cues and, for each dialect word a cue contains, the cue said with its variants (什么时候 → 么时候, 啥时候);
    /// a variant shorter than <see cref="MinVariantChars"/> is left out.
    /// </summary>
    private static List<string> WithDialect(List<string> cues, Dictionary<string, IReadOnlyList<string>> dialect)
    {
        if (dialect.Count == 0) return cues;
        var all = new List<string>(cues);
        var seen = cues.ToHashSet(StringComparer.Ordinal);
        foreach (var cue in cues)
            foreach (var (word, variants) in dialect)
                if (cue.Contains(word, StringComparison.Ordinal))
                    foreach (var variant in variants)
                        if (cue.Replace(word, variant, StringComparison.Ordinal) is { Length: >= MinVariantChars } said && seen.Add(said))
                            all.Add(said);
        return all;
    }

    private static YamlMappingNode? Root(string path, List<PackIssue> issues)
    {
        try
        {
            using var reader = File.OpenText(path);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (YamlException ex)
        {
            issues.Add(PackIssue.Error(path, (int)ex.Start.Line, ex.Message));
            return null;
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value?.Trim();

    private static List<string> List(YamlMappingNode node, string key) =>
        Child(node, key) is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").Where(s => s.Length > 0).ToList()
            : [];
}

/// <summary>An area of life several policies cover: the words people use for it (folded) and those policies' topics.</summary>
public sealed record PolicyArea(IReadOnlyList<string> Words, IReadOnlyList<string> Topics);
