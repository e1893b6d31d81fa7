using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using BenchmarkDotNet.Attributes;

namespace AssistBot.Benchmarks;

/// <summary>
/// One policy question answered on one core, against the real packs (county + national, ~60 entries per county) and
/// against a pack ten times that size (entries duplicated under new ids), with a mix of clean, colloquial, typo'd,
/// voice-style, vague, yes/no, cross-county, multi-topic, aspect-only and out-of-scope questions: the whole reading
/// (topic and aspect cues, county, yes/no) and the choice (per-topic ranking, n-gram back-off) per question.
/// </summary>
[MemoryDiagnoser]
public class PolicyQaBenchmarks
{
    private static readonly string[] Questions =
    [
        "脱贫户小额信贷最多能贷多少钱？",
        "俺家娃上技校有钱补吗",
        "小额信代能贷几年",
        "嗯那个我想问下就是贷款那个事能贷几年啊",
        "住院能不能先不交押金",
        "信丰防返贫监测收入标准是多少钱",
        "那个嗯我想问下就是贷款那个事",
        "帮我订一张去广州的火车票",
        "光伏电站多久运维一次",
        "以奖代补的钱几月份发",
        "貸款的錢能借給親戚用嗎",
        "禹州的监测线是多少",
        "补贴几月发",
        "光伏和帮扶车间都是怎么回事",
    ];

    /// <summary>Follow-ups, each after its opening question: the conversation checks (topic carried, words outside it).</summary>
    private static readonly (string Opening, string FollowUp)[] FollowUps =
    [
        ("驻村干部多久换一次", "县里督查一年几次"),
        ("驻村干部多久换一次", "那禹州呢"),
        ("脱贫户创业有什么扶持", "能贷多少"),
        ("监测户啥时候能退出", "家里没劳动力的也能退吗"),
        ("雨露计划是什么", "电视坏了去哪修"),
        ("怎么自己申报监测", "要带啥"),
    ];

    private PolicyContext[] _followUpContexts = [];
    private PolicyAnswerer _real = null!;
    private PolicyAnswerer _large = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "packs");
        var packs = PackLoader.LoadAll(directory).Packs;
        var vocabulary = AssistBot.Knowledge.Understanding.Vocabulary.Load(Path.Combine(AppContext.BaseDirectory, "vocab"), []);
        var real = KnowledgeSnapshot.Build(packs, DateTimeOffset.UnixEpoch, vocabulary);
        _real = new PolicyAnswerer(() => real);
        var large = KnowledgeSnapshot.Build(packs.Select(Enlarge).ToList(), DateTimeOffset.UnixEpoch, vocabulary);
        _large = new PolicyAnswerer(() => large);
        _followUpContexts = FollowUps.Select(f => PolicyContext.None.After(_real.Answer("xinfeng-2024", f.Opening, PolicyContext.None))).ToArray();
    }

    private static KnowledgePack Enlarge(KnowledgePack pack) => new()
    {
        Id = pack.Id, County = pack.County, CountyName = pack.CountyName, Document = pack.Document, Parent = pack.Parent,
        Synonyms = pack.Synonyms, Fillers = pack.Fillers, OutOfScope = pack.OutOfScope, Directory = pack.Directory,
        Entries = Enumerable.Range(0, 10).SelectMany(copy => pack.Entries.Select(e => new PolicyEntry
        {
            Id = copy == 0 ? e.Id : $"{e.Id}-{copy}", Title = e.Title, Audience = e.Audience, Keywords = e.Keywords,
            Questions = e.Questions, Answer = e.Answer, Source = e.Source, PackId = e.PackId, Origin = e.Origin,
            Overrides = copy == 0 ? e.Overrides : [], Topics = e.Topics, Aspects = e.Aspects,
        })).ToList(),
    };

    private string NextQuestion() => Questions[_next++ % Questions.Length];

    [Benchmark(Baseline = true, Description = "answer (real packs)")]
    public PolicyAnswer AnswerRealPacks() => _real.Answer("xinfeng-2024", NextQuestion());

    [Benchmark(Description = "follow-up (real packs)")]
    public PolicyAnswer AnswerFollowUp()
    {
        var i = _next++ % FollowUps.Length;
        return _real.Answer("xinfeng-2024", FollowUps[i].FollowUp, _followUpContexts[i]);
    }

    [Benchmark(Description = "answer (10x packs)")]
    public PolicyAnswer AnswerLargePacks() => _large.Answer("xinfeng-2024", NextQuestion());
}
