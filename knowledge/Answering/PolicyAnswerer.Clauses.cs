using AssistBot.Knowledge.Search;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>Two questions in one message ("贷款要抵押吗，要是逾期了会咋样"): a part for each.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// Words that make a clause a question rather than the situation told before one ("俺以前有过一回逾期，还能贷不能";
    /// "花了好多钱" is a sum spent, not asked: so whole words, not BackOff's question characters).
    /// </summary>
    private static readonly string[] AskingWords = ["什么", "啥", "多少", "几", "咋", "怎么", "怎样", "怎麼", "多久", "多长", "哪", "谁", "么子", "嘛个", "干嘛", "吗", "嗎", "不", "冇", "没有"];

    /// <summary>Shortest clause that can be a question of its own ("能贷几年").</summary>
    private const int MinClauseChars = 4;

    /// <summary>
    /// A message of two clauses, each a question of its own (an aspect asked, or a yes/no), that the two clauses answer
    /// from two different entries: one numbered part each. The second clause is read after the first, as a follow-up
    /// ("贷款要抵押吗，逾期了会咋样": 逾期 of the same loan). Null when the message is one question.
    /// </summary>
    private PolicyAnswer? TwoQuestions(string countyPackId, string question, PolicyContext context, PolicyAnswer whole)
    {
        if (whole.Outcome == PolicyOutcome.Answer && whole.Entries.Count > 1) return null;
        // Most messages are one clause: no split, no allocation.
        var trimmed = question.AsSpan().Trim("？?。！! \u3000");
        var spoken = false;
        if (trimmed.IndexOfAny(QuestionReader.ClauseBreakSet) < 0)
        {
            // Voice input: "小额贷款能贷几多 要多久还" is two questions with a pause between. But a pause can fall inside one
            // question too ("贷款有没有那个 年龄限制啊"), so the first part must ask an aspect outright (below).
            if (trimmed.IndexOfAny(' ', '\u3000') < 0) return null;
            // Voice input often has pauses: split and read the parts only when the whole could hold two questions (an
            // aspect asked, and a second aspect or a yes/no), so most spoken messages cost nothing more here.
            if (whole.Reading is not { AspectCues.Count: > 0 } heard || (heard.AspectCues.Count < 2 && !heard.YesNo)) return null;
            spoken = true;
        }
        var clauses = spoken
            ? trimmed.ToString().Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries)
            : question.Split(QuestionReader.ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (clauses.Length != 2 || clauses.Any(c => c.Length < MinClauseChars) || !IsAQuestion(question, clauses[0])) return null;
        var current = snapshot();
        if (Knowledge(current, countyPackId) is not { } home) return null;
        // Reading is cheap, answering is not: only clauses that each ask something are answered.
        var firstReading = home.Reader.Read(clauses[0]);
        if (!AsksSomething(firstReading) || !AsksSomething(home.Reader.Read(clauses[1]))) return null;
        // "这个咋办，到期我真还不上": "this" is what the second clause tells; one question, not two.
        if (PointsAhead(clauses[0], firstReading)) return null;
        if (spoken && (firstReading.Aspect is null || firstReading.AspectIsLoose)) return null;
        var first = AnswerWhole(countyPackId, clauses[0], context);
        var second = AnswerWhole(countyPackId, clauses[1], context.After(first));
        if (!AsksOnItsOwn(first) || !AsksOnItsOwn(second)) return null;
        // The message read whole must agree with one of its parts (or have found no single answer).
        if (whole.Outcome == PolicyOutcome.Answer && whole.Entries[0].Id != first.Entries[0].Id && whole.Entries[0].Id != second.Entries[0].Id)
            return null;
        if (first.Entries[0].Id == second.Entries[0].Id || first.County != second.County) return null;
        var knowledge = first.County is { } county && county != home.Pack.County && current.ForCounty(county) is { } other ? other : home;
        string[] why = [.. whole.Why, $"two questions in one message: «{clauses[0]}» → {first.Entries[0].Id}, «{clauses[1]}» → {second.Entries[0].Id}"];
        return Several(knowledge, [first.Entries[0], second.Entries[0]], first.Topic ?? second.Topic ?? "", first.Aspect, why)
            with { Reading = whole.Reading, Topic = whole.Topic ?? first.Topic, Aspect = whole.Aspect, County = whole.County };
    }

    /// <summary>A clause of only "this/that" and how ("这个咋办", "那咋整"): it asks of what is told next to it.</summary>
    private static bool PointsAhead(string clause, QuestionReading reading)
    {
        var start = clause.AsSpan().TrimStart(" 嗯呃啊");
        return (start.StartsWith("这") || start.StartsWith("那")) && reading.Topics.Count == 0 && reading.Rest.Length == 0;
    }

    /// <summary>
    /// "俺是低保边缘户，能申请危房改造不", "儿子在外地打工，能替俺填申报不": a clause that only tells the situation, then a
    /// clause that asks. The policies named in the telling are who the farmer is, not what is asked: only the asked
    /// clause's topics are answered. Two clauses that each ask ("雨露计划几时发？中职学费免不免？") keep both topics.
    /// </summary>
    private static IReadOnlyList<string> AskedClauseTopics(string question, QuestionReading reading, IReadOnlyList<string> topics, List<string> why)
    {
        if (topics.Count < 2 || reading.TopicsJoined || !HasClauses(question)) return topics;
        var meant = topics.Where(TopicsOfAskingClauses(question, reading, topics, out _, out _).Contains).ToList();
        if (meant.Count == 0 || meant.Count == topics.Count) return topics;
        why.Add($"{string.Join(", ", topics.Except(meant))} only in the situation told: {string.Join(", ", meant)} is asked");
        return meant;
    }

    /// <summary>
    /// "俺家能不能申请？俺今年63，老伴走了，儿子在外地打工" after 特困: the message asks first, in clauses that name no
    /// policy, and every policy word is in what it tells after. (Told first, "俺舅没儿没女，七十了，中不中" asks about the
    /// telling.)
    /// </summary>
    private static bool OnlyToldTopics(string question, QuestionReading reading, IReadOnlyList<string> topics)
    {
        if (topics.Count == 0 || reading.TopicsJoined || !HasClauses(question)) return false;
        if (TopicsOfAskingClauses(question, reading, topics, out var lastAskEnd, out var onlyEligibility).Count > 0 || lastAskEnd == 0) return false;
        // "收入高一点但看病花得多，能纳入吗": told first, but "may we be included" asks of the conversation's policy.
        if (onlyEligibility) return true;
        foreach (var mention in reading.Mentions)
            if (topics.Contains(mention.Topic) && mention.Start < lastAskEnd) return false;
        return true;
    }

    private static bool HasClauses(string question)
    {
        var trimmed = question.AsSpan().Trim("？?。！! \u3000");
        return trimmed.IndexOfAny(QuestionReader.ClauseBreakSet) >= 0 || trimmed.IndexOfAny(' ', '\u3000') >= 0;
    }

    /// <summary>
    /// The topics named in the clauses that ask (a clause asking with no policy of its own asks of the one before), and
    /// where in the folded text the last asking clause ends (0 when none asks).
    /// </summary>
    /// <param name="onlyEligibility">Every clause that asks without naming a policy asks whether one qualifies
    /// ("能纳入吗", "俺家能不能申请"): it asks nothing of the situation told before it.</param>
    private static List<string> TopicsOfAskingClauses(string question, QuestionReading reading, IReadOnlyList<string> topics, out int lastAskEnd,
        out bool onlyEligibility)
    {
        var asked = new List<string>();
        List<string> before = [];
        lastAskEnd = 0;
        onlyEligibility = true;
        var beforeAsksAbout = false;
        // Mentions are placed in the folded text, which has no punctuation: clause ends are counted in folded characters.
        var folded = 0;
        var clauseStart = 0;
        var clause = new System.Text.StringBuilder();
        for (var i = 0; i <= question.Length; i++)
        {
            // Voice input pauses between the situation and the question ("脐橙卖不出去 贷款还不上了 怎么办"): a space ends a
            // clause here too (only topics are placed by it, nothing is answered clause by clause).
            var end = i == question.Length || QuestionReader.ClauseBreakSet.Contains(question[i]) || question[i] is ' ' or '\u3000';
            if (!end)
            {
                clause.Append(question[i]);
                if (CharFolding.Fold(question[i]) != CharFolding.Separator) folded++;
                continue;
            }
            var text = clause.ToString();
            var isQuestion = (i < question.Length && question[i] is '？' or '?') || AsksInItself(text);
            var named = reading.Mentions.Where(m => m.Start >= clauseStart && m.Start < folded && topics.Contains(m.Topic)).Select(m => m.Topic).ToList();
            // "贷款可能还不上了 怎么办": a question naming nothing asks about the clause just before it — unless it asks
            // whether one qualifies ("看病花了不少，能纳入吗"), which the situation told does not answer.
            // But "那五保户呢，啥条件": the clause before asked "what about" that policy, and this asks its conditions.
            var eligibility = isQuestion && named.Count == 0 && !beforeAsksAbout && AsksEligibilityBetween(reading, clauseStart, folded);
            if (isQuestion && named.Count == 0) onlyEligibility &= eligibility;
            if (isQuestion && !eligibility) asked.AddRange(named.Count > 0 ? named : before);
            if (isQuestion && text.Length > 0) lastAskEnd = folded;
            before = named;
            beforeAsksAbout = text.AsSpan().TrimEnd(" 啊呀").EndsWith("呢");
            clauseStart = folded;
            clause.Clear();
        }
        return asked;
    }

    /// <summary>A cue of who qualifies ("能纳入", "能不能申请") read between these folded positions.</summary>
    private static bool AsksEligibilityBetween(QuestionReading reading, int start, int end)
    {
        foreach (var (aspect, _, at) in reading.AspectCues)
            if (aspect == WhoQualifies && at >= start && at < end) return true;
        return false;
    }

    /// <summary>
    /// A clause that asks by its own words: a question word, a closing 吗/不/么/冇/没有, or 能不能/有没有. Not a 不 inside
    /// a word of the situation ("卖不出去", "干不动了").
    /// </summary>
    private static bool AsksInItself(string clause)
    {
        var text = clause.AsSpan().TrimEnd("啊呀吧哦嘛呢哈咯嘞哩 ");
        if (text.Length == 0) return false;
        if (AskingWords.Any(w => w is not ("不" or "没有" or "冇") && clause.Contains(w, StringComparison.Ordinal))) return true;
        if (text.EndsWith("没有") || text[^1] is '不' or '冇' or '没' or '么' or '吗' or '嗎') return true;
        for (var i = 1; i + 1 < text.Length; i++)
            if (text[i] is '不' or '没' && text[i - 1] == text[i + 1]) return true;
        return text.Contains("有没有", StringComparison.Ordinal);
    }

    private static bool IsAQuestion(string question, string clause)
    {
        var end = question.IndexOf(clause, StringComparison.Ordinal) + clause.Length;
        return (end < question.Length && question[end] is '？' or '?') || AskingWords.Any(w => clause.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>
    /// One entry answers the clause. Its reading was checked to ask something before it was answered (an entry's exact
    /// title, "小额信贷能贷多少", is answered without a reading).
    /// </summary>
    private static bool AsksOnItsOwn(PolicyAnswer clause) => clause.Outcome == PolicyOutcome.Answer && clause.Entries.Count == 1;

    /// <summary>An aspect asked outright (not only "多少" that several aspects share), or a yes/no.</summary>
    private static bool AsksSomething(QuestionReading reading) => (reading.Aspect is not null && !reading.AspectIsLoose) || reading.YesNo;
}
