using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;
using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Answering;

/// <summary>
/// The conversation's helpers: whether a message continues the topic talked of, corrects it ("不是低保，我问的是…"),
/// speaks of what the last answer said, or carries the last question's aspect to a newly named topic.
/// </summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// The topic has an entry for the aspect asked, or for another aspect the message firmly asks too ("去哪里办" after
    /// 临时救助: 地点 has no entry there, 办理 has), so the message can continue that topic.
    /// </summary>
    private static bool AnyAskedAspectFits(CountyKnowledge knowledge, string topic, string aspect, QuestionReading reading, bool loose)
    {
        if (Fitting(knowledge, topic, aspect, loose).Count > 0) return true;
        foreach (var (other, cue, _) in reading.AspectCues)
            if (other != aspect && other != WhatIsIt && knowledge.Vocabulary.Aspect(other)?.WeakCues.Contains(cue) != true
                && Fitting(knowledge, topic, other, false).Count > 0)
                return true;
        return false;
    }

    /// <summary>
    /// "不是低保，我问的是监测线", "不是低保 是特困": a correction names the policy not meant and then, after a 是 (alone or in
    /// 问的是/说的是/是问), the one meant; only the topics named after that 是 count — or, when every policy named is the
    /// one corrected away, those only hinted at after it ("不是低保，俺是问监测户咋报").
    /// </summary>
    private static IReadOnlyList<string> Corrected(QuestionReading reading, IReadOnlyList<string> topics, List<string> why)
    {
        if (topics.Count == 0) return topics;
        var mark = CorrectionMark(reading.Folded);
        if (mark < 0) return topics;
        var meant = topics.Where(t => reading.Mentions.Any(m => m.Topic == t && m.Start >= mark)).ToList();
        if (meant.Count == topics.Count) return topics;
        if (meant.Count == 0)
        {
            // "不是低保，俺是问监测户咋报": every policy named is the one corrected away; what follows 是 names the meant one,
            // if only by a word that also says who is asking (监测户), which alone would not count as naming it.
            var hinted = reading.Mentions.Where(m => m.Start >= mark && !topics.Contains(m.Topic)).Select(m => m.Topic).Distinct().ToList();
            if (hinted.Count == 0) return topics;
            why.Add($"a correction («不是…是»): not {string.Join(", ", topics)} but {string.Join(", ", hinted)}");
            return hinted;
        }
        why.Add($"a correction («不是…是»): only {string.Join(", ", meant)} is meant");
        return meant;
    }

    /// <summary>
    /// Where the meant policy is named in a correction ("不是低保，我问的是…"): the 是 after a 不是, or -1. The 不是 of a
    /// yes/no "是不是" corrects nothing.
    /// </summary>
    internal static int CorrectionMark(string folded)
    {
        var not = folded.IndexOf("不是", StringComparison.Ordinal);
        while (not > 0 && folded[not - 1] == '是') not = folded.IndexOf("不是", not + 2, StringComparison.Ordinal);
        return not < 0 ? -1 : folded.IndexOf('是', not + 2);
    }

    /// <summary>
    /// The entry says the policy goes on: a sentence naming it ("小额信贷方面…改用农户小额信用贷款继续支持") speaks of
    /// going on, not just names it ("可以问村干部或拨打12317").
    /// </summary>
    private static bool SaysItGoesOn(PolicyEntry entry, string cue)
    {
        var content = ContentChars(cue);
        if (content.Length == 0) return false;
        var answer = entry.Answer;
        for (var at = answer.IndexOf(content, StringComparison.Ordinal); at >= 0; at = answer.IndexOf(content, at + 1, StringComparison.Ordinal))
        {
            var sentence = SentenceAt(answer, at);
            foreach (var word in ContinuesWords) if (sentence.Contains(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The period (过渡期) named with other policies in a message asking whether they go on, when one of its entries says
    /// of each that it goes on; null otherwise.
    /// </summary>
    private static string? PeriodSayingItGoesOn(CountyKnowledge knowledge, QuestionReading reading, IReadOnlyList<string> topics)
    {
        // Loops, not lambdas: a lambda capturing the parameters would allocate on every question, before the first check.
        if (topics.Count < 2 || !FollowUps.AsksWhetherItGoesOn(reading.Folded)) return null;
        foreach (var period in topics)
        {
            if (knowledge.Vocabulary.Topic(period)?.IsPeriod != true) continue;
            foreach (var entry in Candidates(knowledge, period))
                if (SaysEachGoesOn(knowledge.Vocabulary, entry, reading, topics, period)) return period;
        }
        return null;
    }

    private static bool SaysEachGoesOn(Vocabulary vocabulary, PolicyEntry entry, QuestionReading reading, IReadOnlyList<string> topics,
        string period)
    {
        foreach (var topic in topics)
        {
            if (topic == period) continue;
            var said = false;
            foreach (var mention in reading.Mentions)
                if (mention.Topic == topic && SaysItGoesOn(vocabulary, entry, mention)) { said = true; break; }
            if (!said) return false;
        }
        return true;
    }

    /// <summary>The line for <c>explain</c>: a static method, so no closure is allocated on every question.</summary>
    private static string GoesOnAfterWhy(IReadOnlyList<string> topics, string period) =>
        $"whether {string.Join("/", topics.Where(t => t != period))} goes on after {period}, which that period's entries say";

    /// <summary>
    /// The entry says the policy a mention names goes on, by the mention's own word or, for a policy's name, by another of
    /// its names ("小额贷款" asked, "小额信贷" written). People's words stay themselves: 贷 is no name of the loan.
    /// </summary>
    private static bool SaysItGoesOn(Vocabulary vocabulary, PolicyEntry entry, TopicMention mention)
    {
        if (SaysItGoesOn(entry, mention.Cue)) return true;
        if (mention.Tier != CueTier.Name || vocabulary.Topic(mention.Topic) is not { } topic) return false;
        foreach (var (name, tier) in topic.Cues)
            if (tier == CueTier.Name && SaysItGoesOn(entry, name)) return true;
        return false;
    }

    /// <summary>The last answer names what a mention names, by its own word or by another name of the policy.</summary>
    private static bool InLastAnswer(Vocabulary vocabulary, PolicyEntry entry, TopicMention mention)
    {
        if (InLastAnswer(entry, mention.Cue)) return true;
        if (mention.Tier != CueTier.Name || vocabulary.Topic(mention.Topic) is not { } topic) return false;
        foreach (var (name, tier) in topic.Cues)
            if (tier == CueTier.Name && (entry.Title.Contains(name, StringComparison.Ordinal) || entry.Answer.Contains(name, StringComparison.Ordinal)))
                return true;
        return false;
    }

    private static readonly string[] ContinuesWords = ["继续", "接着", "仍", "延续", "保持", "不急刹车", "不变"];

    /// <summary>
    /// The cue's content characters (能贷 → 贷) are in the entry's title or answer: "想去上班找谁" after 帮扶车间, whose
    /// answer says "想到帮扶车间上班，问村干部…". Leave-one-set-out, fifth to ninth sets: 1130 → 1136 of 1244 turns right,
    /// 57 → 51 wrong.
    /// </summary>
    private static bool InLastAnswer(PolicyEntry entry, string cue)
    {
        var content = ContentChars(cue);
        return content.Length > 0 && (entry.Title.Contains(content, StringComparison.Ordinal) || entry.Answer.Contains(content, StringComparison.Ordinal));
    }

    /// <summary>The one entry (of a topic's) whose title or answer has every word the question used for its topics.</summary>
    private static PolicyEntry? OneEntrySpeakingOf(List<PolicyEntry> entries, QuestionReading reading, IReadOnlyList<string> topics)
    {
        PolicyEntry? found = null;
        foreach (var e in entries)
        {
            var all = true;
            foreach (var m in reading.Mentions)
                if (topics.Contains(m.Topic) && !InLastAnswer(e, m.Cue)) { all = false; break; }
            if (!all) continue;
            if (found is not null) return null;
            found = e;
        }
        return found;
    }

    /// <summary>A cue without its function and question characters (能贷 → 贷, 贷多少 → 贷): the part an answer would repeat.</summary>
    private static string ContentChars(string cue) =>
        string.Concat(cue.Where(c => QuestionReader.FunctionChars.IndexOf(c) < 0 && AskingChars.IndexOf(c) < 0));

    /// <summary>Characters that only ask (多少, 几, 什么, 哪, 怎么, 谁): never what an answer repeats.</summary>
    private const string AskingChars = "多少几什啥么哪怎咋谁吗";

    /// <summary>The aspect carried over from the last question, when the topic now named has an entry for it.</summary>
    private static string? SoftAspect(CountyKnowledge knowledge, IReadOnlyList<string> topics, string? pending, List<string> why)
    {
        if (pending is null || topics.Count != 1 || Fitting(knowledge, topics[0], pending, false).Count == 0) return null;
        why.Add($"only a topic named after a question about {pending}: asking {pending} of {topics[0]}");
        return pending;
    }

    /// <summary>
    /// Pairs of characters of the follow-up's own words ("县里督查一年几次" after 驻村干部: 督查) that none of the
    /// conversation topic's entries says but some other entry does: the farmer may have moved on to what they name. Not
    /// a pair overlapping one the topic's entries say: "没劳动力的能退吗" after 风险消除 speaks of its 劳动能力.
    /// </summary>
    private static List<string>? WordsOutsideTheTopic(CountyKnowledge knowledge, QuestionReading reading, string topic)
    {
        List<string>? outside = null;
        foreach (var part in reading.Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length < 2) continue;
            var said = new PairSaid[part.Length - 1];
            for (var i = 0; i < said.Length; i++) said[i] = WhereSaid(knowledge, part.Substring(i, 2), topic);
            for (var i = 0; i < said.Length; i++)
                if (said[i] == PairSaid.Elsewhere && (i == 0 || said[i - 1] != PairSaid.InTopic)
                    && (i + 1 == said.Length || said[i + 1] != PairSaid.InTopic))
                    (outside ??= []).Add(part.Substring(i, 2));
        }
        return outside;
    }

    /// <summary>Words that ask whether what was just said holds elsewhere too.</summary>
    private static readonly string[] SameAgainWords = ["一样", "一个样", "同样", "也是", "也这样", "也那样", "也是这样", "也差不多"];

    private enum PairSaid { Nowhere, InTopic, Elsewhere }

    private static PairSaid WhereSaid(CountyKnowledge knowledge, string pair, string topic)
    {
        var said = PairSaid.Nowhere;
        for (var at = 0; at < knowledge.Texts.Length; at++)
        {
            if (!knowledge.Texts[at].Contains(pair, StringComparison.Ordinal)) continue;
            if (knowledge.Index.Entries[at].Topics.Contains(topic)) return PairSaid.InTopic;
            said = PairSaid.Elsewhere;
        }
        return said;
    }

    /// <summary>
    /// A follow-up the rules continued the conversation's topic with, which is really a new question: its words are
    /// nothing the topic's labelled questions spoke of ("电视坏了去哪修" after 雨露计划), or it names what only another
    /// entry speaks of ("县里督查一年几次" after 驻村干部), and that entry answers it asked afresh. The fresh answer, else null.
    /// </summary>
    private PolicyAnswer? LeavesTheTopic(string countyPackId, string question, PolicyAnswer answer, CountyKnowledge knowledge,
        QuestionReading reading, string topic, (string Label, double Margin, double Seen)? inTopic, List<string> why)
    {
        // "我们信丰也一样吗" after 禹州's loan sum: a county and "the same?" ask the same again there, whatever questions of
        // few words the labelled ones resemble ("明天信丰落雨冇" names a county too, and is asked afresh).
        var sameOfACounty = reading.County is not null && reading.Aspect is null && reading.Mentions.Count == 0
            && WordList.AnyIn(reading.Folded, SameAgainWords);
        if (answer.Outcome != PolicyOutcome.Fallback && reading.Rest.Length >= MinRestChars && !sameOfACounty
            && StraysFromTheTopic(inTopic, topic) is { } stray)
        {
            var fresh = Answer(countyPackId, question, PolicyContext.None);
            return fresh with { Why = [.. why, stray, .. fresh.Why] };
        }
        if (reading.County is null && answer.Outcome == PolicyOutcome.Answer && WordsOutsideTheTopic(knowledge, reading, topic) is { } outside)
        {
            var fresh = Answer(countyPackId, question, PolicyContext.None);
            if (fresh is { Outcome: PolicyOutcome.Answer, Entries.Count: 1 } && !fresh.Entries[0].Topics.Contains(topic)
                && knowledge.Positions.TryGetValue(fresh.Entries[0].Id, out var at)
                && outside.Find(word => knowledge.Texts[at].Contains(word, StringComparison.Ordinal)) is { } otherWord
                && !TellsOwnSituation(reading, otherWord))
                return fresh with { Why = [.. why, $"«{otherWord}» is in none of {topic}'s entries but in {fresh.Entries[0].Id}: asked afresh", .. fresh.Why] };
        }
        return null;
    }

    /// <summary>
    /// "俺家没一个劳力，中不中" after 风险消除: the household's situation, told to ask whether the policy at hand is theirs;
    /// its word belongs to another entry but asks nothing of it. A figure told ("俺家收入过7500了", "我六十八了") is
    /// another entry's measure, so it still asks there.
    /// </summary>
    private static bool TellsOwnSituation(QuestionReading reading, string word) =>
        reading.YesNo && reading.Mentions.Count == 0 && reading.Aspect is null or WhoQualifies
        && WordList.AnyIn(reading.Folded, QuestionReader.OwnHouseholdWords)
        && word.AsSpan().IndexOfAny(NumberChars) < 0;

    /// <summary>Digits and numerals: the figures' own <see cref="SmallNumeral"/>, with 零 and the larger units.</summary>
    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789零百千万" + SmallNumeral);

    /// <summary>
    /// "出院了咋报销" after 先诊疗后付费, whose answer mentions 报销 in passing: a word of the broader policy (医疗保障, the
    /// parent of the one talked of) that another of its entries has in its title (一站式结算（出院一次报销）) and the
    /// entry at hand does not — the word asks for that other entry. Only the parent: "担保贷款能贷几多" after 创业 is
    /// still about its loan, though the 小额信贷 entries' titles say 贷款.
    /// </summary>
    private static bool AsksWhatABroaderEntryIsAbout(CountyKnowledge home, CountyKnowledge knowledge, QuestionReading reading,
        IReadOnlyList<string> topics, string talkedOf, PolicyEntry atHand)
    {
        if (home.Vocabulary.Topic(talkedOf)?.Parent is not { } parent || !topics.Contains(parent)) return false;
        foreach (var m in reading.Mentions)
            if (m.Topic == parent && m.Cue.Length >= 2 && !atHand.Title.Contains(m.Cue, StringComparison.Ordinal)
                && Candidates(knowledge, parent).Any(e => e.Id != atHand.Id && e.Title.Contains(m.Cue, StringComparison.Ordinal)))
                return true;
        return false;
    }

    /// <summary>
    /// "申报了多久能批下来" after 监测收入线, whose answer says 申报 in passing: the word's own policy (自主申报), a part of
    /// the same broader one (防返贫监测), answers the aspect asked (期限) and the entry at hand does not — the word names
    /// the part asked, not what was just said. Only a sibling: "担保贷款能贷几多" after 创业 is still about its loan.
    /// </summary>
    private static bool AsksWhatOnlyTheWordsTopicAnswers(CountyKnowledge home, CountyKnowledge knowledge, QuestionReading reading,
        IReadOnlyList<string> topics, string talkedOf, PolicyEntry atHand) =>
        reading.Aspect is { } asked && !reading.AspectIsLoose && !atHand.Aspects.Contains(asked)
        && home.Vocabulary.Topic(talkedOf)?.Parent is { } parent
        && topics.Any(t => home.Vocabulary.Topic(t)?.Parent == parent && Candidates(knowledge, t).Any(e => e.Aspects.Contains(asked)));

    /// <summary>
    /// The topics a message names, read against the conversation: the asker's status ("监测户能享受不") names none; after a
    /// period (过渡期) a policy asked whether it goes on is the period's question; a people's word the last answer used
    /// ("能贷好多" after 创业担保贷款) is about what was just said (<c>SpokenOf</c>, for how/where to do it); another
    /// policy's word that one entry of the topic speaks of ("毕业了还管找工作么" after 雨露计划) is that entry
    /// (<c>Speaking</c>, the answer).
    /// </summary>
    private static (IReadOnlyList<string> Topics, bool GoesOnAfterPeriod, PolicyEntry? SpokenOf, PolicyEntry? Speaking) TopicsInTheConversation(
        CountyKnowledge home, CountyKnowledge lastKnowledge, QuestionReading reading, PolicyContext context, List<string> why)
    {
        // "监测户能享受不" after 先诊疗后付费: the asker's status, asking about the topic of the conversation.
        var topics = reading.TopicsOnlyFromStatus && context.LastTopic is not null && reading.Folded.Length <= MaxFollowUpChars
            ? [] : reading.Topics;
        // "那小额信贷还能贷不" after 过渡期结束了还有帮扶没: whether the policy goes on after the period, which the period's
        // entry naming that policy says (not who may borrow in general).
        var goesOnAfterPeriod = topics.Count > 0 && context.LastTopic is { } periodTopic
            && home.Vocabulary.Topic(periodTopic)?.IsPeriod == true && !topics.Contains(periodTopic, StringComparer.Ordinal)
            && reading.Folded.Length <= MaxFollowUpChars && FollowUps.AsksWhetherItGoesOn(reading.Folded)
            && Candidates(lastKnowledge, periodTopic).Any(e => reading.Mentions.Where(m => topics.Contains(m.Topic))
                .All(m => SaysItGoesOn(home.Vocabulary, e, m)));
        if (goesOnAfterPeriod)
        {
            why.Add($"after {context.LastTopic}: whether {string.Join("/", topics)} goes on, which that period's entries say");
            topics = [];
        }
        PolicyEntry? spokenOf = null;
        // "能贷好多" after 创业担保贷款, "想去上班" after 帮扶车间: a people's word in the last answer is about what was just said.
        // After a period (过渡期) the policy's name too, asked bare ("那小额信贷呢") or with an aspect that answer covers
        // ("那小额信贷到期了还想贷咋办"): what the period means for it.
        if (topics.Count > 0 && (reading.TopicTier == CueTier.Colloquial || (context.LastTopic is { } period
                && home.Vocabulary.Topic(period)?.IsPeriod == true
                && (reading.Aspect is null ? reading.Folded.Contains('呢')
                    : context.LastEntryId is { } periodEntry && lastKnowledge.Find(periodEntry)?.Aspects.Contains(reading.Aspect) == true)))
            && context.LastTopic is { } talkedOf
            && !topics.Contains(talkedOf, StringComparer.Ordinal) && reading.Folded.Length <= MaxFollowUpChars
            && context.LastEntryId is { } lastId && lastKnowledge.Find(lastId) is { } lastEntry
            && reading.Mentions.Where(m => topics.Contains(m.Topic)).All(m => InLastAnswer(home.Vocabulary, lastEntry, m))
            // "咋申报" after 监测户分几类: 申报 names the part of 防返贫监测 asked about (自主申报), more than the whole.
            && !topics.Any(t => home.Vocabulary.Topic(t)?.Parent == talkedOf)
            // "俺说的是监测，咋申报": a correction names what is meant, whatever the last answer mentioned.
            && !FollowUps.Corrects(reading.Folded)
            && !AsksWhatABroaderEntryIsAbout(home, lastKnowledge, reading, topics, talkedOf, lastEntry)
            && !AsksWhatOnlyTheWordsTopicAnswers(home, lastKnowledge, reading, topics, talkedOf, lastEntry))
        {
            if (reading.TopicTier == CueTier.Colloquial) spokenOf = lastEntry;
            topics = [];
        }
        // "毕业了还管找工作么" after 雨露计划: people's word for another policy that one entry of the topic talked of speaks of
        // (雨露计划+, jobs after graduation): that entry, not the other policy.
        else if (topics.Count > 0 && reading.TopicTier == CueTier.Colloquial && reading.County is null
            && context.LastTopic is { } talkedAbout && !topics.Contains(talkedAbout, StringComparer.Ordinal)
            && reading.Folded.Length <= MaxFollowUpChars && !FollowUps.Corrects(reading.Folded)
            // "退出要啥条件" after 防返贫监测 names the part of it asked (风险消除).
            && !topics.Any(t => home.Vocabulary.Topic(t)?.Parent == talkedAbout)
            && OneEntrySpeakingOf(Candidates(lastKnowledge, talkedAbout), reading, topics) is { } speaking
            && !AsksWhatABroaderEntryIsAbout(home, lastKnowledge, reading, topics, talkedAbout, speaking)
            && !AsksWhatOnlyTheWordsTopicAnswers(home, lastKnowledge, reading, topics, talkedAbout, speaking))
        {
            why.Add($"«{string.Join("/", reading.Mentions.Select(m => m.Cue))}» after {talkedAbout}: {speaking.Id} of that topic speaks of it");
            return (topics, false, null, speaking);
        }
        return (topics, goesOnAfterPeriod, spokenOf, null);
    }

    /// <summary>
    /// The one offered choice about the topic a bare reply names ("雨露计划的", "我是说小额贷款"), when it answers what the
    /// clarified question asked. Not a national choice where the county has its own entry of that topic for it (the
    /// choices were a guess: "医保的" after three national ones means 医保 itself); null when the reply asks something of
    /// its own, names none of the choices or several.
    /// </summary>
    private static PolicyEntry? ChoiceNamed(CountyKnowledge knowledge, IReadOnlyList<string> offeredIds, QuestionReading reading, string? asked)
    {
        if (reading.Topics.Count == 0 || reading.Aspect is not null || reading.YesNo) return null;
        PolicyEntry? only = null;
        foreach (var id in offeredIds)
        {
            if (knowledge.Find(id) is not { } entry || !entry.Topics.Any(reading.Topics.Contains)) continue;
            if (only is not null) return null;
            only = entry;
        }
        if (only is null || (asked is not null && !only.Aspects.Contains(asked))) return null;
        if (only.PackId == knowledge.Pack.Id) return only;
        foreach (var topic in only.Topics)
            if (reading.Topics.Contains(topic)
                && Candidates(knowledge, topic).Any(e => e.PackId == knowledge.Pack.Id && (asked is null || e.Aspects.Contains(asked))))
                return null;
        return only;
    }

    /// <summary>"雨露计划的", "信丰那个低保的": a policy named and nothing else but 的, which says whose one the last question meant.</summary>
    private static bool NamesWhoseOnly(string folded, QuestionReading reading) =>
        folded.EndsWith('的') && reading.Aspect is null && !reading.YesNo && reading.Rest.Length < MinRestChars;
}
