using AssistBot.Knowledge.Search;

namespace AssistBot.Knowledge.Understanding;

/// <summary>
/// Reads a question into a <see cref="QuestionReading"/> with the vocabulary as a dictionary: topic cues and aspect
/// cues by longest match over the folded question (traditional → simplified, full → half width, no spaces, so voice
/// transcriptions and typed questions read alike). A pack's synonyms (typos, homophones) whose canonical word is a cue
/// become cues too, so county staff extend one list. One reader per county; immutable.
/// </summary>
public sealed partial class QuestionReader
{
    private const int MaxChars = 160;

    private readonly CueMatcher<(string Topic, CueTier Tier)> _topics;
    private readonly CueMatcher<(string Aspect, bool Weak)> _aspects;
    private readonly CueMatcher<string> _counties;
    private readonly CueMatcher<string> _askers;
    private readonly CueMatcher<string>? _here;
    private readonly NearNames _nearNames;
    private readonly string[] _yesNoWords;
    private readonly char[] _yesNoEndings;
    private readonly Vocabulary _vocabulary;
    private readonly string? _homeCounty;

    /// <param name="homeCounty">The county this reader's questions are asked in: "我们县" names it. Null for the national pack.</param>
    public QuestionReader(Vocabulary vocabulary, IReadOnlyDictionary<string, string> synonyms,
        IEnumerable<(string Alias, string County)> countyAliases, string? homeCounty = null)
    {
        _vocabulary = vocabulary;
        _homeCounty = homeCounty;
        var topicCues = vocabulary.Topics.SelectMany(t => t.Cues.Select(c => (c.Cue, (t.Id, c.Tier)))).ToList();
        var aspectCues = vocabulary.Aspects.SelectMany(a =>
            a.Cues.Select(c => (c, (a.Id, false))).Concat(a.WeakCues.Select(c => (c, (a.Id, true))))).ToList();
        // A synonym variant reads like its canonical word when that word is a cue (小额信代 → 小额信贷 → topic 小额信贷).
        var topicByCue = topicCues.GroupBy(c => CueMatcher<int>.Fold(c.Cue)).ToDictionary(g => g.Key, g => g.First().Item2);
        var aspectByCue = aspectCues.GroupBy(c => CueMatcher<int>.Fold(c.c)).ToDictionary(g => g.Key, g => g.First().Item2);
        foreach (var (variant, canonical) in synonyms)
        {
            var key = CueMatcher<int>.Fold(canonical);
            if (topicByCue.TryGetValue(key, out var topic)) topicCues.Add((variant, topic));
            if (aspectByCue.TryGetValue(key, out var aspect)) aspectCues.Add((variant, aspect));
        }
        _topics = new CueMatcher<(string, CueTier)>(topicCues);
        _nearNames = new NearNames(vocabulary.Topics.SelectMany(t => t.Cues.Where(c => c.Tier == CueTier.Name).Select(c => (c.Cue, t.Id))));
        _aspects = new CueMatcher<(string, bool)>(aspectCues);
        _counties = new CueMatcher<string>(countyAliases.Select(a => (a.Alias, a.County)));
        _askers = new CueMatcher<string>(vocabulary.Askers.SelectMany(p => p.Value.Select(w => (w, p.Key))));
        if (homeCounty is not null && vocabulary.Here.Count > 0) _here = new CueMatcher<string>(vocabulary.Here.Select(w => (w, homeCounty)));
        _yesNoWords = vocabulary.YesNo.Where(w => w.Length > 1).Select(CueMatcher<int>.Fold).ToArray();
        _yesNoEndings = vocabulary.YesNo.Where(w => w.Length == 1).Select(w => w[0]).ToArray();
    }

    public QuestionReading Read(string question)
    {
        Span<char> buffer = stackalloc char[MaxChars];
        var folded = buffer[..CueMatcher<int>.Fold(question.AsSpan(0, Math.Min(question.Length, MaxChars)), buffer)];
        var text = new string(folded);

        var mentions = new List<CueMatch<(string Topic, CueTier Tier)>>(4);
        _topics.Scan(folded, mentions);
        // "危房改照", "自主申爆": no topic word at all, but a policy's name with one character misheard or mistyped.
        if (mentions.Count == 0 && _nearNames.Find(folded) is { } near)
            mentions.Add(new CueMatch<(string, CueTier)>(near.Start, near.Length, near.Cue, (near.Topic, CueTier.Colloquial)));
        var aspects = new List<CueMatch<(string Aspect, bool Weak)>>(4);
        _aspects.Scan(folded, aspects);
        // An aspect word inside a policy's name (担保 in 创业担保贷款) is part of the name, not the question asked.
        aspects.RemoveAll(a => mentions.Any(m => m.Value.Tier == CueTier.Name && m.Length > a.Length
            && a.Start >= m.Start && a.Start + a.Length <= m.Start + m.Length));
        // "花了好几万": 好几 tells a rough amount the farmer already spent; it does not ask how much.
        for (var i = aspects.Count - 1; i >= 0; i--)
            if (folded[aspects[i].Start] == '几' && aspects[i].Start > 0 && folded[aspects[i].Start - 1] == '好') aspects.RemoveAt(i);
        var counties = new List<CueMatch<string>>(1);
        _counties.Scan(folded, counties);
        IReadOnlyList<(string County, int Start, int Length)> namedCounties = counties.Count == 0 ? NoCounties : NamedOnce(counties);
        // "我们县呢": the county the question is asked in, when no county is named by name.
        if (counties.Count == 0) _here?.Scan(folded, counties);
        var askers = new List<CueMatch<string>>(2);
        _askers.Scan(folded, askers);

        // Topics: hints count only when nothing is named; a broader topic gives way to a narrower one named with it
        // (防返贫监测 + 监测收入线 → 监测收入线); then the strongest tier present decides.
        var named = mentions.Where(m => m.Value.Tier >= CueTier.Colloquial).ToList();
        if (named.Count == 0) named = mentions;
        // But "啥叫兜底保障，是不是就是低保和五保" defines the broader one: the narrower ones are what it is compared with.
        if (BroaderDefined(named, aspects) is { } defined)
            named.RemoveAll(m => m.Value.Topic != defined && _vocabulary.IsWithin(m.Value.Topic, defined));
        else
            named.RemoveAll(m => named.Any(o => o.Value.Topic != m.Value.Topic && _vocabulary.IsWithin(o.Value.Topic, m.Value.Topic)));
        // "俺家是低保户，房子快塌了": 低保户 says who is asking; the policy asked is the other one.
        if (named.Any(m => !IsHouseholdStatus(m.Cue)))
            named.RemoveAll(m => IsHouseholdStatus(m.Cue) && named.Any(o => o.Value.Topic != m.Value.Topic));
        CueTier? tier = named.Count == 0 ? null : named.Max(m => m.Value.Tier);
        var topics = new List<string>(2);
        foreach (var m in named)
            if (m.Value.Tier == tier && !topics.Contains(m.Value.Topic)) topics.Add(m.Value.Topic);
        // "贷款和雨露计划的钱都是多少": people's word for one policy joined to another's name asks about both.
        var joined = false;
        if (tier == CueTier.Name && named.Count > topics.Count)
        {
            var before = topics.Count;
            topics = JoinedToNamed(folded, SentenceOf(question, folded.Length), named, topics);
            joined = topics.Count > before;
        }

        var (aspect, loose) = ChooseAspect(aspects);
        // "光伏的钱我们户里一年能分多少": a household's own share is asked as firmly as any sum; a target set for villages
        // or cadres (目标任务, near to 金额标准) does not answer it.
        if (aspect == MoneyAspect && loose && AsksOwnShare(folded)) loose = false;
        // "能贷5万吗", "能不能贷5万": a sum named asks how much, not who may.
        if ((aspect is null || (aspect == EligibilityAspect && aspects.All(a => a.Value.Aspect == EligibilityAspect)))
            && HasMoneyFigure(folded))
            (aspect, loose) = (MoneyAspect, true);
        // "俺爹七十了还中贷款不": an age told is a question about the age limit.
        if (aspect is null && AgeTold(text) is { } age)
        {
            (aspect, loose) = (LimitAspect, true);
            aspects.Add(new CueMatch<(string, bool)>(age.Index, age.Length, AgeCue, (LimitAspect, false)));
        }
        var yesNo = false;
        foreach (var w in _yesNoWords) if (folded.Contains(w, StringComparison.Ordinal)) { yesNo = true; break; }
        // A closing 吗/不/么, of the message or of a clause ("那俺儿子能贷不，他40").
        if (!yesNo) yesNo = ClauseEndsYesNo(question);

        return new QuestionReading
        {
            Folded = text,
            Rest = WithoutWords(Rest(folded, mentions.Select(m => (m.Start, m.Length)).Concat(aspects.Select(a => (a.Start, a.Length)))
                .Concat(counties.Select(c => (c.Start, c.Length))).Concat(Occurrences(folded, _yesNoWords)))),
            Mentions = mentions.Select(m => new TopicMention(m.Value.Topic, m.Start, m.Length, m.Cue, m.Value.Tier)).ToList(),
            Topics = topics,
            // Only a household's status (监测户, 低保户): "驻村第一书记干几年能换人" asks about 驻村帮扶, whoever asks it.
            // So too what the asker says they are ("我家是弱劳力，标准会高点吗" after 产业奖补).
            TopicsOnlyFromStatus = named.Count > 0
                && named.All(m => (IsHouseholdStatus(m.Cue) && askers.Any(a => a.Start == m.Start && a.Length == m.Length))
                    || SaidOfThemselves(text, m.Start)),
            TopicTier = tier,
            TopicsJoined = joined,
            Aspect = aspect,
            AspectIsLoose = loose,
            AspectCues = aspects.Select(a => (a.Value.Aspect, a.Cue, a.Start)).ToList(),
            TopicAspects = topics.Count > 1 ? AspectsByTopic(folded, mentions, topics, aspects) : QuestionReading.NoTopicAspects,
            County = AskedCounty(folded, counties),
            NamedCounties = namedCounties,
            YesNo = yesNo,
            Askers = askers.Select(a => a.Value).Distinct().ToList(),
        };
    }

    private static readonly (string County, int Start, int Length)[] NoCounties = [];

    /// <summary>Each county named, at its first mention.</summary>
    private static List<(string County, int Start, int Length)> NamedOnce(List<CueMatch<string>> counties)
    {
        var named = new List<(string County, int Start, int Length)>(counties.Count);
        foreach (var c in counties)
        {
            var seen = false;
            foreach (var n in named) seen |= n.County == c.Value;
            if (!seen) named.Add((c.Value, c.Start, c.Length));
        }
        return named;
    }

    /// <summary>
    /// The county asked about: the first one named, unless the farmer tells something of it and then asks of their own
    /// county: a figure ("信丰产业比例是65% 咱禹州是多少": a figure one already knows is not the one asked), or a statement
    /// with no question in it before the farmer's own county, or 我们/咱/俺 and the other ("禹州那边监测线有具体数，我们信丰
    /// 的是多少", "禹州那边驻村干部在岗有规定，信丰的驻村干部有么子规定哩" asked in 信丰).
    /// </summary>
    private string? AskedCounty(ReadOnlySpan<char> folded, List<CueMatch<string>> counties)
    {
        if (counties.Count == 0) return null;
        for (var i = 0; i < counties.Count - 1; i++)
        {
            if (counties[i + 1].Value == counties[i].Value) return counties[i].Value;
            var told = folded[counties[i].Start..counties[i + 1].Start];
            if (told.IndexOfAnyInRange('0', '9') >= 0) continue;
            if (TellsWithoutAsking(told[counties[i].Length..])
                && (counties[i + 1].Value == _homeCounty || OursJustBefore(folded[..counties[i + 1].Start]))) continue;
            return counties[i].Value;
        }
        return counties[^1].Value;
    }

    /// <summary>Words that make a stretch of a question a question (吗, 多少, 啥, 咋, 一样不…).</summary>
    private static readonly string[] QuestionWords =
        ["吗", "呢", "多少", "几", "啥", "什么", "么子", "怎么", "咋", "哪", "谁", "是否", "有没有", "有冇", "能不能", "是不是", "中不中", "一样不", "不一样"];

    /// <summary>
    /// A statement of some length (有…, 是…) with no question in it: "那边监测线有具体数". Not a bare 和/跟 joining two
    /// counties ("禹州和信丰哪个监测线高" compares them).
    /// </summary>
    private static bool TellsWithoutAsking(ReadOnlySpan<char> text)
    {
        return text.Length >= 4 && (text.Contains('有') || text.Contains('是')) && !Text.WordList.AnyIn(text, QuestionWords);
    }

    /// <summary>The text ends with the farmer's own "we" (我们, 咱们, 咱, 俺们, 俺), as in "…我们信丰的呢".</summary>
    private static bool OursJustBefore(ReadOnlySpan<char> text) =>
        text.EndsWith("我们", StringComparison.Ordinal) || text.EndsWith("咱", StringComparison.Ordinal) || text.EndsWith("咱们", StringComparison.Ordinal)
        || text.EndsWith("俺", StringComparison.Ordinal) || text.EndsWith("俺们", StringComparison.Ordinal);

    /// <summary>Where one topic's part of a question ends and the next one's begins, when a pause marks it.</summary>
    private static readonly System.Buffers.SearchValues<char> PartBreaks = System.Buffers.SearchValues.Create("，,。？?！!；; ");

    /// <summary>
    /// Each topic's own part of a question naming several ("贷款逾期了咋办，还有娃不想上学了咋整"): from the pause before its
    /// first mention (the question's start for the first topic) to the pause before the next topic's; its aspect is
    /// chosen from the cues in that part as for a whole question (逾期 outranks 咋办).
    /// </summary>
    private Dictionary<string, string> AspectsByTopic(ReadOnlySpan<char> folded, List<CueMatch<(string Topic, CueTier Tier)>> mentions,
        List<string> topics, List<CueMatch<(string Aspect, bool Weak)>> aspects)
    {
        var firsts = new List<(string Topic, int At)>(topics.Count);
        foreach (var topic in topics)
            foreach (var m in mentions)
                if (m.Value.Topic == topic) { firsts.Add((topic, m.Start)); break; }
        firsts.Sort((a, b) => a.At.CompareTo(b.At));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var partStart = 0;
        for (var i = 0; i < firsts.Count; i++)
        {
            var partEnd = folded.Length;
            if (i + 1 < firsts.Count)
            {
                var next = firsts[i + 1].At;
                var pause = folded[firsts[i].At..next].LastIndexOfAny(PartBreaks);
                partEnd = pause >= 0 ? firsts[i].At + pause : next;
            }
            CueMatch<(string Aspect, bool Weak)>? only = null;
            List<CueMatch<(string Aspect, bool Weak)>>? several = null;
            foreach (var a in aspects)
            {
                if (a.Start < partStart || a.Start >= partEnd) continue;
                if (only is { } first) (several ??= [first]).Add(a);
                else only = a;
            }
            // One cue decides by itself; several are weighed as for a whole question.
            var aspect = several is not null ? ChooseAspect(several).Aspect : only?.Value.Aspect;
            if (aspect is not null) result[firsts[i].Topic] = aspect;
            partStart = partEnd;
        }
        return result;
    }

    private const string MoneyAspect = "金额标准";

    /// <summary>Words for what one household gets out of a shared income (分红, 每户能分).</summary>
    private static readonly string[] OwnShareWords = ["每户", "户里", "一户", "分红", "能分", "分到", "分得", "分几多", "分多少"];

    private static bool AsksOwnShare(ReadOnlySpan<char> folded) =>
        Text.WordList.AnyIn(folded, OwnShareWords);

    private const string WhatIsItAspect = "是什么";
    private const string LimitAspect = "限制";
    private const string EligibilityAspect = "对象条件";

    /// <summary>The word an age told stands for among the aspect's facets.</summary>
    private const string AgeCue = "年龄";

    /// <summary>
    /// An age from 16 to 99 told as "七十了", "65岁", "六十多岁" (not "五十万", "二十多天"), or right after 他/她 ("他40",
    /// "他四十": a person's number is their age, unless a unit follows).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(
        "(?<![0-9一二两三四五六七八九十百千万])(?:[1-9][0-9]|[二三四五六七八九]十[一二三四五六七八九]?|十[六七八九])多?(?:周岁|岁|了)"
        + "|(?<=[他她])(?:[1-9][0-9]|[二三四五六七八九]十[一二三四五六七八九]?)(?![0-9一二两三四五六七八九十百千万块元个天月年号点分人户亩斤])")]
    private static partial System.Text.RegularExpressions.Regex AgePattern();

    /// <summary>
    /// What ends a clause of a message ("贷款要抵押吗，逾期了会咋样"). Not a space: voice input pauses inside one question
    /// ("贷款有没有那个 年龄限制啊").
    /// </summary>
    public static readonly char[] ClauseBreaks = ['，', ',', '？', '?', '；', ';', '。', '！', '!'];
    public static readonly System.Buffers.SearchValues<char> ClauseBreakSet = System.Buffers.SearchValues.Create(ClauseBreaks);

    /// <summary>
    /// Whether the message or one of its clauses ends in a yes/no particle (吗/不/么 …) — but not the 么 of
    /// 什么/怎么/这么/多么.
    /// </summary>
    private bool ClauseEndsYesNo(string question)
    {
        char last = '\0', beforeLast = '\0';
        foreach (var raw in question)
        {
            if (ClauseBreakSet.Contains(raw))
            {
                if (IsYesNoEnding(last, beforeLast)) return true;
                (last, beforeLast) = ('\0', '\0');
                continue;
            }
            var c = CharFolding.Fold(raw);
            if (c != CharFolding.Separator) (beforeLast, last) = (last, c);
        }
        return IsYesNoEnding(last, beforeLast);
    }

    private bool IsYesNoEnding(char last, char beforeLast) =>
        last != '\0' && Array.IndexOf(_yesNoEndings, last) >= 0 && !(last == '么' && "什怎这那多要".Contains(beforeLast));

    private static System.Text.RegularExpressions.Match? AgeTold(string folded) =>
        AgePattern().Match(folded) is { Success: true } m ? m : null;

    /// <summary>Characters that join two policies asked together ("贷款和雨露计划", "低保跟临时救助").</summary>
    private static readonly System.Buffers.SearchValues<char> Joiners = System.Buffers.SearchValues.Create("和跟与及同加还");

    /// <summary>Words that start a second question about another policy ("顺便问下低保咋申请").</summary>
    private static readonly string[] SecondQuestionWords = ["顺便", "另外", "再问", "还想问", "还有", "以及"];

    /// <summary>
    /// The named topics plus any topic named only in people's words that a joiner (和/跟/还有, 顺便/另外) sets beside a
    /// named one, in the order they are asked. Without a joiner the weaker words stay context ("住院花了好多钱，能申请
    /// 临时救助吗" asks about 临时救助 only).
    /// </summary>
    private static List<string> JoinedToNamed(ReadOnlySpan<char> folded, int[] sentence, List<CueMatch<(string Topic, CueTier Tier)>> named,
        List<string> topics)
    {
        var ordered = named.OrderBy(m => m.Start).ToList();
        List<string>? joined = null;
        foreach (var m in ordered)
        {
            if (m.Value.Tier != CueTier.Colloquial || topics.Contains(m.Value.Topic)) continue;
            foreach (var n in ordered)
            {
                if (n.Value.Tier != CueTier.Name) continue;
                var (from, to) = n.Start > m.Start ? (m.Start + m.Length, n.Start) : (n.Start + n.Length, m.Start);
                // "看病有啥帮扶？雨露计划补助多少？": two questions, one policy each.
                var twoQuestions = sentence[m.Start] != sentence[n.Start];
                if (!twoQuestions && (from >= to || !IsJoin(folded[from..to]))) continue;
                joined ??= [];
                if (!joined.Contains(m.Value.Topic)) joined.Add(m.Value.Topic);
                break;
            }
        }
        if (joined is null) return topics;
        return ordered.Select(m => m.Value.Topic).Distinct().Where(t => topics.Contains(t) || joined.Contains(t)).ToList();
    }

    /// <summary>For each character of the folded text, which sentence of the question it is in (counted by ？!。).</summary>
    private static int[] SentenceOf(string question, int foldedLength)
    {
        var sentence = new int[foldedLength];
        int n = 0, current = 0;
        foreach (var raw in question)
        {
            if (n >= foldedLength) break;
            if (raw is '？' or '?' or '。' or '！' or '!') { if (n > 0) current++; continue; }
            if (CharFolding.Fold(raw) != CharFolding.Separator) sentence[n++] = current;
        }
        return sentence;
    }

    /// <summary>
    /// Whether the text between two policies' words joins them (和, 跟, 还有 …). 还 joins only as 还有: in "打工还能申请
    /// 低保吗" it means still, not and.
    /// </summary>
    public static bool HasJoiner(ReadOnlySpan<char> between)
    {
        for (var at = between.IndexOfAny(Joiners); at >= 0; )
        {
            if (between[at] != '还' || (at + 1 < between.Length && between[at + 1] == '有')) return true;
            var next = between[(at + 1)..].IndexOfAny(Joiners);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }

    private static bool IsJoin(ReadOnlySpan<char> between)
    {
        if (between.Length <= 2 && HasJoiner(between)) return true;
        foreach (var w in SecondQuestionWords) if (between.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A household's status (低保户, 五保户, 监测户, 脱贫户): who the asker is, not by itself the policy asked.</summary>
    private static bool IsHouseholdStatus(string cue) => cue.Length >= 3 && cue[^1] == '户';

    /// <summary>The words before the cue say the asker or their household is it: "我家是", "俺是", "我们家是".</summary>
    private static bool SaidOfThemselves(string folded, int cueStart)
    {
        var before = folded.AsSpan(0, cueStart);
        if (!before.EndsWith("是")) return false;
        before = before[..^1];
        foreach (var self in SelfWords)
            if (before.EndsWith(self, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// A broader policy named right after "啥叫/什么是" while narrower ones of it are named apart from it, later: the one
    /// being defined ("啥叫防返贫监测线" and "什么是监测自主申报" name one narrower policy in a compound word).
    /// </summary>
    private string? BroaderDefined(List<CueMatch<(string Topic, CueTier Tier)>> named, List<CueMatch<(string Aspect, bool Weak)>> aspects)
    {
        // Plain loops: this runs on every question, and lambdas capturing the mention would allocate each time.
        foreach (var a in aspects)
        {
            if (a.Value.Aspect != WhatIsItAspect) continue;
            foreach (var m in named)
            {
                if (a.Start + a.Length != m.Start) continue;
                foreach (var o in named)
                    if (o.Start >= m.Start + m.Length + 2 && _vocabulary.IsWithin(o.Value.Topic, m.Value.Topic)) return m.Value.Topic;
            }
        }
        return null;
    }

    /// <summary>The asker's own household (赣南 屋里 too): who is asking, and in a conversation, which county's household.</summary>
    internal static readonly string[] OwnHouseholdWords = ["我家", "俺家", "我们家", "俺们家", "咱家", "自家", "屋里"];

    private static readonly string[] SelfWords = [.. OwnHouseholdWords, "我", "俺", "涯", "家里"];

    /// <summary>
    /// Characters that carry no content of their own in a question (particles, pronouns, fillers, 能/要/有, 赣南 么子).
    /// 子 goes with 么子; 孩子 and 房子 keep their first character, which is what tells them apart.
    /// </summary>
    internal const string FunctionChars = "那这个的呢吗啊呀吧了要我们你他她些还再给一下请问是啥么俺家咱恁嗯哦能不得有没想就说子哩啵咯冇嘛呗哈和跟与或及会可以去";

    /// <summary>Words every policy question may use without saying which policy (补贴, 政策, 规定, 想咨询一下 …).</summary>
    internal static readonly string[] GenericWords = ["补贴", "补助", "政策", "帮扶", "规定", "材料", "标准", "发钱", "怎么", "什么", "咋", "咨询", "了解", "打听"];

    private static string WithoutWords(string rest)
    {
        foreach (var word in GenericWords)
            if (rest.Contains(word, StringComparison.Ordinal)) rest = rest.Replace(word, " ", StringComparison.Ordinal);
        return rest.Contains("  ", StringComparison.Ordinal) || rest.StartsWith(' ') || rest.EndsWith(' ')
            ? string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : rest;
    }

    private static IEnumerable<(int Start, int Length)> Occurrences(ReadOnlySpan<char> folded, string[] words)
    {
        var found = new List<(int, int)>();
        foreach (var w in words)
            for (var at = folded.IndexOf(w, StringComparison.Ordinal); at >= 0;)
            {
                found.Add((at, w.Length));
                var next = folded[(at + w.Length)..].IndexOf(w, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + w.Length + next;
            }
        return found;
    }

    /// <summary>
    /// What the question says besides the words the reader recognised (topic, aspect and county cues) and function
    /// characters: "贷款需要担保人吗" → "需担保人"… It tells apart the entries of one topic, and shows when a question
    /// asks something the chosen entry never mentions.
    /// </summary>
    private static string Rest(ReadOnlySpan<char> folded, IEnumerable<(int Start, int Length)> spans)
    {
        Span<bool> covered = stackalloc bool[folded.Length];
        foreach (var (start, length) in spans)
            for (var i = start; i < start + length && i < folded.Length; i++) covered[i] = true;
        Span<char> rest = stackalloc char[folded.Length];
        var n = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            if (!covered[i] && (CharFolding.IsCjk(folded[i]) && FunctionChars.IndexOf(folded[i]) < 0 || char.IsAsciiDigit(folded[i])))
                rest[n++] = folded[i];
            else if (n > 0 && rest[n - 1] != ' ')
                rest[n++] = ' '; // runs stay apart: n-grams do not cross a gap
        }
        return new string(rest[..n].Trim(' '));
    }

    /// <summary>A sum of money in the question (5万, 三千元, 200块).</summary>
    private static bool HasMoneyFigure(ReadOnlySpan<char> folded)
    {
        for (var i = 1; i < folded.Length; i++)
            if (folded[i] is '万' or '元' or '块' && (char.IsAsciiDigit(folded[i - 1]) || "一二两三四五六七八九十百千".Contains(folded[i - 1])))
                return true;
        return false;
    }

    /// <summary>
    /// The aspect asked: aspects outranked by another one present drop out; of the rest, the one named by the longest
    /// firm cue (loose cues such as 多少 only when nothing firmer is said); a tie goes to the later cue, where Chinese
    /// questions put the question word.
    /// </summary>
    private (string? Aspect, bool Loose) ChooseAspect(List<CueMatch<(string Aspect, bool Weak)>> found)
    {
        if (found.Count == 0) return (null, false);
        var present = found.Select(f => f.Value.Aspect).ToHashSet(StringComparer.Ordinal);
        var firmPresent = found.Where(f => !f.Value.Weak).Select(f => f.Value.Aspect).ToHashSet(StringComparer.Ordinal);
        // A firmly asked aspect can only be outranked by another firm one; one asked only loosely by any other.
        bool Outranked(string aspect) => (firmPresent.Contains(aspect) ? firmPresent : present).Any(other => other != aspect
            && _vocabulary.Aspect(other)?.Outranks.Contains(aspect) == true
            && _vocabulary.Aspect(aspect)?.Outranks.Contains(other) != true);
        CueMatch<(string Aspect, bool Weak)>? best = null;
        foreach (var f in found)
        {
            if (Outranked(f.Value.Aspect)) continue;
            if (best is not { } b
                || (b.Value.Weak && !f.Value.Weak)
                || (b.Value.Weak == f.Value.Weak && f.Length >= b.Length))
                best = f;
        }
        if (best is not { } chosen) return (null, false);
        // "申请流程是啥", "利息是多少来着是啥": a closing copula (是啥/是什么) asks what the thing before it is, and that
        // thing is the aspect named before it — not "what is the policy".
        if (chosen.Value.Aspect == WhatIsItAspect && chosen.Cue.StartsWith('是')
            && found.LastOrDefault(f => f.Value.Aspect != WhatIsItAspect && f.Start + f.Length <= chosen.Start
                && !Outranked(f.Value.Aspect)) is { Cue: not null } before)
            chosen = before;
        var loose = chosen.Value.Weak && !firmPresent.Contains(chosen.Value.Aspect);
        return (chosen.Value.Aspect, loose);
    }
}
