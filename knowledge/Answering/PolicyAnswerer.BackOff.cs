using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Search;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>No topic word found: the character n-gram back-off, and the checks that keep it honest.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// The share of the question's content character pairs (<see cref="QuestionReading.Rest"/>) that the entry's text
    /// contains anywhere; null when the question has too few pairs to judge.
    /// </summary>
    private static float? MentionedShare(CountyKnowledge knowledge, PolicyEntry entry, QuestionReading reading)
    {
        if (!knowledge.Positions.TryGetValue(entry.Id, out var at)) return null;
        var text = knowledge.Texts[at];
        int pairs = 0, found = 0;
        foreach (var run in reading.Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            for (var i = 0; i + 1 < run.Length; i++)
            {
                pairs++;
                if (text.Contains(run.AsSpan(i, 2), StringComparison.Ordinal)) found++;
            }
        return pairs < 2 ? null : (float)found / pairs;
    }

    /// <summary>
    /// Among entries that rank close together for one topic and aspect, the best-ranked one whose text holds every
    /// topic word the question used, its longest word for the asked aspect and all of its other content pairs;
    /// null when none does, or when the question has no such words to check.
    /// </summary>
    private static PolicyEntry? SaysTheAskedWords(CountyKnowledge knowledge, List<(PolicyEntry Entry, float Score)> ranking,
        QuestionReading reading, string aspect, bool closeOnly = true)
    {
        // Every topic word, and the asked aspect's longest word ("每半年", not also "一次", which the entry may write "1次").
        // Among entries that all claim the aspect, a question word ("多久一次", "多少钱") is how it is asked, never what
        // an entry says, so only the other aspect words count; for an entry that does not claim it, the aspect's word in
        // its text is the only evidence there is, so a question word alone proves nothing.
        var aspectWords = reading.AspectCues.Where(a => a.Aspect == aspect).Select(a => a.Cue).Where(c => c.Length >= 2).ToList();
        var stated = aspectWords.Where(c => c.AsSpan().IndexOfAny(QuestionWords) < 0).ToList();
        if (!closeOnly && stated.Count == 0) return null;
        var aspectCue = stated.MaxBy(c => c.Length);
        var cues = reading.Mentions.Select(m => m.Cue).Where(c => c.Length >= 2)
            .Concat(aspectCue is null ? [] : [aspectCue]).Distinct().ToList();
        if (cues.Count == 0) return null;
        var close = closeOnly ? ranking[0].Score / AspectLead : float.MinValue;
        PolicyEntry? first = null;
        foreach (var (entry, score) in ranking)
        {
            if (score < close) break;
            if (!knowledge.Positions.TryGetValue(entry.Id, out var at)) continue;
            var text = knowledge.Texts[at];
            if (!cues.All(c => text.Contains(c, StringComparison.Ordinal)) || MentionedShare(knowledge, entry, reading) is not (null or >= 1f))
                continue;
            // "贷款去哪个银行办" in 禹州: the national entry and 禹州's (which names 农信社、邮储银行) both say every word;
            // of close entries saying the same words, the county's own comes first.
            if (entry.PackId == knowledge.Pack.Id) return entry;
            first ??= entry;
        }
        return first;
    }

    private static readonly System.Buffers.SearchValues<char> QuestionWords = System.Buffers.SearchValues.Create("多几什啥么哪怎咋谁吗");

    /// <summary>Below this share of the question's content pairs, an entry found by n-grams alone does not answer.</summary>
    private const float MinMentionedShare = 0.3f;

    /// <summary>No topic word: BM25 over n-grams decides, as before, and the aspect asked must still fit.</summary>
    private PolicyAnswer BackOff(CountyKnowledge knowledge, string question, QuestionReading reading, string? aspect, bool loose,
        PolicyEntry? last, CountyKnowledge lastKnowledge, FollowUpKind followUp, List<string> why)
    {
        // "补助", "有补贴吗": a word every benefit uses, and nothing else — which policy is not said.
        if (aspect is null && GenericWordIn(reading.Folded) is not null && AsksOnlyAnAspect(reading, knowledge.Index))
        {
            why.Add("only a word every policy uses (补助, 补贴, 政策) and no topic");
            var scores = new float[knowledge.Index.Entries.Count];
            knowledge.Index.ScoreAll(question, scores);
            var ranked = Rank(knowledge, [.. knowledge.Index.Entries], scores, null).Where(r => r.Score > OnlyAspectMinScore).Take(3).Select(r => r.Entry).ToList();
            return ranked.Count >= 2 ? Clarify(ranked, null, null, knowledge, why) : Fallback(reading, why);
        }
        if (aspect is not null && AsksOnlyAnAspect(reading, knowledge.Index))
        {
            // "标准是多少", "补贴几月发" with nothing to go on: which policy? Offer the entries that answer it.
            var scores = new float[knowledge.Index.Entries.Count];
            knowledge.Index.ScoreAll(question, scores);
            var fitting = knowledge.Index.Entries.Where(e => Answers(knowledge, e, aspect, loose)).ToList();
            var ranked = Rank(knowledge, fitting, scores, null).Where(r => r.Score > OnlyAspectMinScore).Select(r => r.Entry).ToList();
            // "补贴咋申请": policies that pay a 补贴 are offered first, not every policy with a way to apply.
            if (GenericWordIn(reading.Folded) is { } word)
                ranked = [.. ranked.OrderByDescending(e => knowledge.Positions.TryGetValue(e.Id, out var at) && knowledge.Texts[at].Contains(word, StringComparison.Ordinal))];
            ranked = ranked.Take(3).ToList();
            if (ranked.Count >= 2)
            {
                why.Add($"only an aspect ({aspect}) and no topic: asking which policy");
                return Clarify(ranked, null, aspect, knowledge, why);
            }
            why.Add($"only an aspect ({aspect}) and no topic");
            return Fallback(reading, why) with { Aspect = aspect };
        }
        // The aspect words ("怎么申请", "多少钱") are in many entries: which policy is asked must come from the other words,
        // or "残疾证怎么办" would be answered with the loan's "how to apply".
        var searched = reading.AspectCues.Count > 0 && reading.Rest.Length > 0 ? reading.Rest : question;
        var result = knowledge.Index.Search(searched);
        var outcome = Classify(result);
        if (!ReferenceEquals(searched, question)) why.Add($"searching the words besides the aspect: «{searched}»");
        switch (outcome)
        {
            case PolicyOutcome.Answer:
                var entry = knowledge.Index.Entries[result.First.Entry];
                why.Add($"no topic word; n-gram search found {entry.Id} (score {result.First.Score:F1}, coverage {result.First.Coverage:F2})");
                if (!result.ExactTitle && MentionedShare(knowledge, entry, reading) is { } share and < MinMentionedShare)
                {
                    // "孩子上幼儿园有补助吗" → 雨露计划 on 孩子/上/补助: with no topic named, the entry must speak of what was asked.
                    why.Add($"but {entry.Id} mentions only {share:P0} of «{reading.Rest}»: not answering with it");
                    return Fallback(reading, why);
                }
                if (!result.ExactTitle && aspect is not null && entry.Aspects.Count > 0 && !Answers(knowledge, entry, aspect, loose)
                    && entry.Topic is { } topic)
                {
                    why.Add($"but {entry.Id} does not answer {aspect}: looking within its topic {topic}");
                    return Choose(knowledge, question, reading, [topic], aspect, loose, why);
                }
                if (followUp == FollowUpKind.How && entry.How is not null)
                    return Confident(knowledge, entry, FollowUpKind.How, entry.Topic, aspect, why, appendHow: true);
                return Confident(knowledge, entry, FollowUpKind.None, entry.Topic, aspect, why);
            case PolicyOutcome.Clarify:
                var options = new List<PolicyEntry>(3);
                for (var i = 0; i < result.Count; i++)
                    if (i == 0 || result[i].Score >= result.First.Score * Math.Min(_t.TieRatio, _t.VagueTieRatio) * 0.9f)
                        options.Add(knowledge.Index.Entries[result[i].Entry]);
                if (MentionedShare(knowledge, options[0], reading) is { } tieShare and < MinMentionedShare)
                {
                    // "房产证怎么办": a tie among entries that do not speak of it is no choice to offer.
                    why.Add($"no topic word; a near tie among entries that mention only {tieShare:P0} of «{reading.Rest}»");
                    return Fallback(reading, why);
                }
                // The near tie is inside one topic and the question says which aspect: that topic's entry for it.
                if (aspect is not null && options[0].Topic is { } shared && options.All(o => o.Topics.Contains(shared))
                    && Fitting(knowledge, shared, aspect, loose).Count > 0)
                {
                    why.Add($"no topic word; n-gram search: a near tie inside {shared}, asked {aspect}");
                    return Choose(knowledge, question, reading, [shared], aspect, loose, why);
                }
                why.Add("no topic word; n-gram search: a near tie");
                return Clarify(options, options[0].Topic, aspect, knowledge, why);
            default:
                if (last is not null && followUp != FollowUpKind.None)
                {
                    why.Add("a follow-up of the last answer");
                    return Confident(lastKnowledge, last, followUp, last.Topic, aspect, why) with { Inherited = true };
                }
                why.Add("no topic word and no good n-gram match");
                return Fallback(reading, why);
        }
    }

    /// <summary>An entry offered for a question naming only an aspect must match the question at least this well.</summary>
    private const float OnlyAspectMinScore = 0.5f;

    private static readonly string[] GenericWords = ["补贴", "补助", "政策", "帮扶", "条件", "材料", "标准", "发钱", "钱"];

    /// <summary>The first generic word of two characters or more (补贴, 标准 …) in the question, without allocating.</summary>
    private static string? GenericWordIn(string folded)
    {
        foreach (var g in GenericWords)
            if (g.Length >= 2 && folded.Contains(g, StringComparison.Ordinal)) return g;
        return null;
    }

    /// <summary>Words that name what a bare question is about without naming a policy ("补贴几月发", "政策有啥变化").</summary>
    private static readonly string[] SubjectWords = ["补贴", "补助", "政策", "帮扶", "规定", "资金", "项目"];

    /// <summary>
    /// Whether a question that names no policy still names a thing of its own (some 补贴, some 政策) that the topic talked
    /// of does not speak of: "补贴几月发" after 驻村干部 asks about another policy's money, "能给多少补贴" after 创业 (whose
    /// entry speaks of 创业补贴) does not.
    /// </summary>
    private static bool NamesASubject(QuestionReading reading, CountyKnowledge knowledge, string topic)
    {
        foreach (var word in SubjectWords)
            if (reading.Folded.Contains(word, StringComparison.Ordinal)
                && !Candidates(knowledge, topic).Any(e => e.Title.Contains(word, StringComparison.Ordinal) || e.Answer.Contains(word, StringComparison.Ordinal)))
                return true;
        return false;
    }

    /// <summary>True when, without its aspect words, the question says (almost) nothing: "标准是多少", "找哪个办".</summary>
    private static bool AsksOnlyAnAspect(QuestionReading reading, PolicyIndex index) =>
        MeaningfulCharsBesides(reading, index, GenericWords, []) <= 2;

    /// <summary>Words every application goes through, whatever the policy: "多久能批下来", "申请了多久能办下来".</summary>
    private static readonly string[] ProcessWords = ["申请", "审批", "批", "办", "下来", "通过", "到手", "手续", "以后", "之后", "才", "得"];

    /// <summary>
    /// True when, without its aspect words, the question has nothing but words every application uses ("多久能批下来"):
    /// which policy is asked is not in it, however often people who asked like this meant one policy.
    /// </summary>
    private static bool AsksOnlyHowItGoes(QuestionReading reading, PolicyIndex index) =>
        // A year or a sum ("2025年底以后政策就没了") says what it is about.
        !reading.Folded.AsSpan().ContainsAnyInRange('0', '9') && MeaningfulCharsBesides(reading, index, GenericWords, ProcessWords) == 0;

    /// <summary>CJK characters of the question besides its aspect words, the given words and function characters.</summary>
    private static int MeaningfulCharsBesides(QuestionReading reading, PolicyIndex index, string[] words, string[] moreWords)
    {
        // On the rewritten question (fillers gone, 啥时候 → 什么时候), without the aspect words in either form.
        var rest = index.Normalize(reading.Folded).Replace(" ", "", StringComparison.Ordinal);
        foreach (var (_, cue, _) in reading.AspectCues)
            rest = rest.Replace(cue, "", StringComparison.Ordinal).Replace(index.Normalize(cue), "", StringComparison.Ordinal);
        foreach (var word in words) rest = rest.Replace(word, "", StringComparison.Ordinal);
        foreach (var word in moreWords) rest = rest.Replace(word, "", StringComparison.Ordinal);
        var meaningful = 0;
        foreach (var c in rest)
            if (CharFolding.IsCjk(c) && !"那这个的呢吗啊呀吧了要我们你这些还再给一下请问是啥么俺家咱恁嗯哦能不得有没想就说".Contains(c)) meaningful++;
        return meaningful;
    }
}
