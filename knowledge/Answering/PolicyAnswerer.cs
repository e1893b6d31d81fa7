using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Search;
using AssistBot.Knowledge.Text;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>
/// Answers a policy question for one county. The question is read into topics, aspect and county
/// (<see cref="QuestionReader"/>); the answer is the entry whose topic matches and whose aspects contain the one asked,
/// the county's own entry ahead of the national one. A topic with no entry for the asked aspect gets an honest reply
/// (what the documents do cover, whom to ask) — never another aspect's figure. Several topics, or a topic whose entries
/// the question does not separate, get "您是想问：" choices. A question naming another configured county is answered
/// from that county's pack. A message naming only an aspect ("得多久还上") continues the conversation's topic. When no
/// topic word is found at all, BM25 over character n-grams is the back-off (typos, unknown words), with its thresholds.
/// Last, the pack's labelled questions (how people asked before, and what answered them) may answer what the rules left
/// open, or overrule the rules' entry when they clearly point elsewhere (<c>PolicyAnswerer.Labelled.cs</c>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A singleton that lives as long as the process; disposing the per-thread reading at shutdown while a late turn or StopAsync still uses it would throw (ObjectDisposedException), and the OS frees it anyway.")]
public sealed partial class PolicyAnswerer(Func<KnowledgeSnapshot> snapshot, AnswerThresholds? thresholds = null)
{
    private const string WhatIsIt = "是什么";
    private const string HowToApply = "办理";
    private const string Where = "地点";
    private const string WhoQualifies = "对象条件";
    private const string SelfDeclaration = "自主申报";

    /// <summary>
    /// Aspects whose answer is in the entry's «how» as much as in its answer: how to apply, and where ("哪个窗口办",
    /// "去哪个银行": 先诊疗后付费窗口, 合作银行网点 are written there).
    /// </summary>
    private static bool AddsHow(string? aspect) => aspect is HowToApply or "地点";

    /// <summary>A county's own entry counts this much more than a national one answering the same aspect.</summary>
    private const float LocalPreference = 1.2f;

    /// <summary>Without an aspect, the best entry of a topic must lead the next by this factor to be answered outright.</summary>
    private const float TopicLead = 1.3f;

    /// <summary>Several entries of the topic answer the aspect: the best must lead the next by this factor, else ask.</summary>
    private const float AspectLead = 1.1f;

    /// <summary>Content words beyond the topic (folded characters) that make a question particular.</summary>
    private const int MinRestChars = 2;

    /// <summary>A BM25 score of those words that counts as pointing to an entry.</summary>
    private const float MinRestScore = 2f;

    /// <summary>A message this short (folded characters) with no topic word may continue the last topic.</summary>
    private const int MaxFollowUpChars = 18;

    private readonly AnswerThresholds _t = thresholds ?? AnswerThresholds.Default;

    /// <summary>The reading of the question being answered on this thread (Rank looks at its words).</summary>
    private readonly ThreadLocal<QuestionReading?> _reading = new();

    /// <summary>The entry the conversation's last answer came from, on this thread (Overview stays with it in a near tie).</summary>
    private readonly ThreadLocal<string?> _lastEntry = new();

    /// <summary>An entry whose title or keywords hold the question's own topic or aspect words counts this much more.</summary>
    private const float CueBonus = 1.3f;

    public PolicyAnswerer(PackRegistry registry, AnswerThresholds? thresholds = null) : this(() => registry.Current, thresholds) { }

    /// <param name="countyPackId">The endpoint county's pack (County.Pack), e.g. xinfeng-2024.</param>
    /// <param name="lastTopicId">The entry the previous answer in this conversation was about, if any.</param>
    /// <param name="offeredChoiceIds">Entry ids offered by the previous clarify, so "1"/"2"/"3" pick one.</param>
    public PolicyAnswer Answer(string countyPackId, string question, string? lastTopicId = null,
        IReadOnlyList<string>? offeredChoiceIds = null)
    {
        var context = PolicyContext.None;
        if (lastTopicId is not null || offeredChoiceIds is not null)
        {
            var last = lastTopicId is null ? null : Knowledge(snapshot(), countyPackId)?.Find(lastTopicId);
            context = new PolicyContext(lastTopicId, last?.Topic, null, null, offeredChoiceIds);
        }
        return Answer(countyPackId, question, context);
    }

    public PolicyAnswer Answer(string countyPackId, string question, PolicyContext context)
    {
        _reading.Value = null;
        question = GivenNumbers.Without(question ?? "");
        var whole = AnswerWhole(countyPackId, question, context);
        var reading = _reading.Value;
        if (BothCounties(countyPackId, question, whole) is { } compared) return compared;
        return TwoQuestions(countyPackId, question, context, whole) is { } both ? both : SaidJustBefore(WithHowWhenAsked(whole, reading), context);
    }

    private PolicyAnswer AnswerWhole(string countyPackId, string question, PolicyContext context)
    {
        var current = snapshot();
        if (Knowledge(current, countyPackId) is not { } home) return Fallback(null, ["no pack for " + countyPackId]);

        question = question?.Trim() ?? "";
        if (question.Length == 0) return new PolicyAnswer(PolicyOutcome.Fallback, PolicyTexts.EmptyQuestion, [], [], null);

        var lastKnowledge = context.LastCounty is { } lc && current.ForCounty(lc) is { } k ? k : home;

        if (context.OfferedChoiceIds is { Count: > 0 } offered && ChoiceRecognizer.Number(question, offered.Count) is { } picked
            && lastKnowledge.Find(offered[picked]) is { } chosen)
            return Confident(lastKnowledge, chosen, FollowUpKind.None, null, null, [$"choice {picked + 1} of the offered list"]);

        var rewritten = home.Index.Normalize(question);
        var followUp = FollowUps.Detect(rewritten);
        var last = context.LastEntryId is null ? null : lastKnowledge.Find(context.LastEntryId);
        if (last is not null && followUp == FollowUpKind.Detail && FollowUps.IsBare(rewritten))
            return Confident(lastKnowledge, last, FollowUpKind.Detail, null, null, ["a bare \"tell me more\": the last answer in detail"]) with { Inherited = true };

        // A clarify choice sent back as its label (Web Chat's suggested action) is that entry.
        if (home.Index.Search(question) is { ExactTitle: true } titled)
            return Confident(home, home.Index.Entries[titled.First.Entry], FollowUpKind.None, null, null, ["the exact title of an entry"]);

        var reading = home.Reader.Read(question);
        _reading.Value = reading;
        _lastEntry.Value = context.LastEntryId;
        // "学生的补助几时发" was answered with 您是想问 雨露计划 / 教育资助; "雨露计划的" picks one by naming it, not by number.
        if (context.OfferedChoiceIds is { Count: > 1 } offeredIds && reading.County is null
            && ChoiceNamed(lastKnowledge, offeredIds, reading, context.LastAspect) is { } named)
            return Confident(lastKnowledge, named, FollowUpKind.None, null, reading.Aspect,
                [$"names {string.Join("/", reading.Topics)}, which only {named.Id} of the offered choices is about"]) with { Reading = reading };
        var why = new List<string>();
        var knowledge = home;
        if (reading.County is { } countyNamed && countyNamed != home.Pack.County && current.ForCounty(countyNamed) is { } other)
        {
            knowledge = other;
            why.Add($"the question names {other.Pack.CountyName}: answered from its pack {other.Pack.Id}");
        }

        // "信用卡逾期了咋办" is not ours; "以前信用卡逾期过，还能贷小额信贷不" names a policy and asks about it.
        if (reading.TopicTier != CueTier.Name && home.Index.IsOutOfScope(question))
            return Fallback(reading, ["an out-of-scope term of the packs (公积金, 房贷 …)"]);
        // "乡镇民政办的电话是多少": someone's own number, which no document gives; 电话 alone does not ask for 12317.
        if (WhoseNumberIsAsked(reading.Folded) is { } whose)
            return new PolicyAnswer(PolicyOutcome.Fallback, PolicyTexts.PhoneNotInDocuments, [], [], null)
                { Reading = reading, Why = [$"the phone number of «{whose}» is asked: no document gives it"] };

        // "房子的事找哪个": no policy named but an area several cover, in the knowledge asked about — even mid-conversation.
        if (AskWhichOfTheArea(knowledge, reading, why) is { } whichOfTheArea) return whichOfTheArea;

        var (topics, goesOnAfterPeriod, spokenOf, speaking) = TopicsInTheConversation(home, lastKnowledge, reading, context, why);
        // "毕业了还管找工作么" after 雨露计划: that topic's entry speaking of it.
        if (speaking is not null)
            return Confident(lastKnowledge, speaking, FollowUpKind.None, context.LastTopic, reading.Aspect, why) with { Reading = reading };
        topics = AskedClauseTopics(question, reading, Corrected(reading, topics, why), why);
        // "小额信贷到期了，过渡期完了还能接着贷不": whether a policy goes on after the period, asked in one message — what
        // the period's entry says of it, not the policy's own terms.
        if (PeriodSayingItGoesOn(knowledge, reading, topics) is { } period)
        {
            why.Add(GoesOnAfterWhy(topics, period));
            topics = [period];
            goesOnAfterPeriod = true;
        }
        // "我家能申请不，老公车祸瘫了" after 防返贫监测: the accident is the situation; what may be applied for is what was
        // just talked of. A situation word names no policy of its own in a conversation.
        // But "俺爹住院花了好几万，能申请点啥" asks what there is for that situation, whatever was talked of before.
        // So are policy words only in what a message tells after asking "俺家能不能申请？" (OnlyToldTopics).
        var situationOnly = topics.Count > 0 && context.LastTopic is not null
            && (reading.Aspect is not null || reading.YesNo) && !FollowUps.AsksWhatThereIs(reading.Folded)
            && (reading.TopicTier == CueTier.Hint
                || (!topics.Contains(context.LastTopic!) && CorrectionMark(reading.Folded) < 0 && !FollowUps.Corrects(reading.Folded) && OnlyToldTopics(question, reading, topics)));
        if (situationOnly) topics = [];
        var aspect = goesOnAfterPeriod ? null : reading.Aspect;
        // "俺是监测户" after 教育资助: who the asker is and nothing else, which asks whether the policy just talked of is for
        // them — not whatever entry those words happen to fill (the search took 监测户 to the one on leaving monitoring).
        if (topics.Count == 0 && aspect is null && !reading.YesNo && reading.TopicsOnlyFromStatus && context.LastTopic is not null
            && reading.Rest.Length < MinRestChars && followUp == FollowUpKind.None)
        {
            why.Add($"only who is asking said, after {context.LastTopic}: whether it is for them");
            aspect = WhoQualifies;
        }
        var loose = reading.AspectIsLoose;
        // "签了家庭医生每年要交钱不": 每年 only counts the money asked about; it asks no cadence.
        if (aspect == "频次" && loose && AskedMoneyWord(reading.Folded, CostOrBenefitWords) is { } money)
        {
            why.Add($"«{money}» asked: 每年/每月 only counts it, no cadence is asked");
            aspect = null;
        }
        var inherited = false;
        var sameFigureAgain = false;
        string? pendingAspect = null;
        var folded = reading.Folded;
        var isShort = folded.Length <= MaxFollowUpChars;
        var endsWithNe = folded.EndsWith('呢');
        if (reading.County is null && context.LastCounty is not null && lastKnowledge != home
            && (folded.Contains("那边", StringComparison.Ordinal) || folded.Contains("那里", StringComparison.Ordinal)))
        {
            knowledge = lastKnowledge;
            why.Add($"\"那边\": the county asked about last, {knowledge.Pack.CountyName}");
        }
        // "我家两个老人都七十多了没什么收入，能不能申请": however long the story, "may we apply" with no policy named asks
        // about the one just talked of.
        var asksEligibilityOfIt = aspect == WhoQualifies && reading.Mentions.Count == 0;
        // No policy of its own (a situation or who is asking, "监测户的孩子", is not one).
        var namesNoTopic = topics.Count == 0;
        if (topics.Count == 0 && context.LastTopic is { } lastTopic && (isShort || situationOnly || asksEligibilityOfIt)
            && (aspect is not null || followUp != FollowUpKind.None || reading.County is not null || reading.YesNo || endsWithNe
                // "我那小额贷款到期了还想接着贷" after 过渡期: what the period says of it, asked without a question word.
                || goesOnAfterPeriod)
            // "补贴几月发" after talking of 驻村干部: the old topic has nothing on it, and 补贴 names some other policy's money,
            // so it is not a follow-up of that topic. "能给几多钱" after 临时救助 names nothing else: it is (and the honest
            // answer is that 临时救助's documents state no sum).
            && !(aspect is not null && reading.County is null
                 && !AnyAskedAspectFits(reading.County is null && context.LastCounty is not null ? lastKnowledge : knowledge, lastTopic, aspect, reading, loose)
                 && AsksOnlyAnAspect(reading, knowledge.Index)
                 && NamesASubject(reading, reading.County is null && context.LastCounty is not null ? lastKnowledge : knowledge, lastTopic)))
        {
            // "得多久还上", "那信丰呢", "能领不", "那买牛呢": the conversation's topic, asked again.
            topics = [lastTopic];
            inherited = true;
            // "那信丰呢", then "俺家…看病花了不少，能纳入不": the farmer's own household is in the county they asked from.
            var ownHousehold = (situationOnly || asksEligibilityOfIt) && WordList.AnyIn(folded, QuestionReader.OwnHouseholdWords);
            if (reading.County is null && context.LastCounty is not null && !ownHousehold) knowledge = lastKnowledge;
            if (aspect is null && followUp == FollowUpKind.How) aspect = HowToApply;
            if (aspect is null && (reading.County is not null || endsWithNe)) aspect = context.LastAspect;
            // "禹州是多少" after "衔接资金用于产业的比例是多少": a bare 多少 asks the same figure of another county, not a sum.
            // "禹州本级预算多少" names what it asks the sum of.
            if (aspect == "金额标准" && loose && reading.County is not null && reading.Rest.Length < MinRestChars
                && context.LastAspect is "目标任务" or "期限" or "频次")
            {
                aspect = context.LastAspect;
                sameFigureAgain = true;
            }
            why.Add($"no topic named: continuing the conversation's topic {lastTopic}" + (aspect is null ? "" : $", aspect {aspect}"));
            // "咋报", "去哪报" after what 防返贫监测 is: how to report the household's hardship — 自主申报, its part that says.
            if (aspect is HowToApply or Where && reading.County is null && FollowUps.ReportsAHardship(folded)
                && knowledge.Vocabulary.Topic(SelfDeclaration)?.Parent == lastTopic && Candidates(knowledge, SelfDeclaration).Count > 0)
            {
                why.Add($"报 after {lastTopic}: reporting a hardship, which its part {SelfDeclaration} is about");
                topics = [SelfDeclaration];
            }
        }
        else if (topics.Count > 0 && aspect is null && context.LastAspect is { } asked && isShort
            && (endsWithNe || context.LastTopic is null || NamesWhoseOnly(folded, reading)))
        {
            // "那雨露计划呢" after "贷款几年还": the same question about a new topic, if that topic answers it ("雨露计划的"
            // after "学生的补助几时发": whose one was meant);
            // "低保" after "标准是多少": the topic the pending question was about.
            pendingAspect = asked;
        }
        // "家里出了事想申请那个监测要怎么弄", "老公出车祸了，监测要怎么报": how to get one's own household into 防返贫监测,
        // told with a hardship or with 报, is what its part 自主申报 says — not the whole identification procedure.
        if (!inherited && topics.Count == 1 && aspect is HowToApply or Where && reading.County is null
            && knowledge.Vocabulary.Topic(SelfDeclaration)?.Parent == topics[0]
            && (FollowUps.ReportsAHardship(folded) || reading.Mentions.Any(m => m.Topic == SelfDeclaration))
            && Candidates(knowledge, SelfDeclaration).Count > 0)
        {
            why.Add($"{topics[0]} asked with a hardship told or 报: reporting it, which its part {SelfDeclaration} is about");
            topics = [SelfDeclaration];
        }

        // "那禹州呢", then "我们县呢": the same thing asked of another county. The entry answered before, when that county
        // has it too; else that county's entries are told apart by the earlier entry's title, not by these few words.
        var scoring = question;
        PolicyEntry? same = null;
        if (inherited && reading.County is not null && context.LastEntryId is { } earlierId
            && (lastKnowledge.Find(earlierId) ?? home.Find(earlierId)) is { } earlier)
        {
            // Not a national entry over that county's own word on the same thing (信丰's 低保 standard after the national one).
            // Nor when this message asks something the earlier entry does not answer ("危房改造谁能享受", "禹州啥时候开工").
            same = knowledge.Find(earlierId) is { } again && again.Topics.Contains(topics[0])
                && (reading.Aspect is null || reading.Aspect == context.LastAspect || again.Aspects.Contains(reading.Aspect))
                && (again.PackId == knowledge.Pack.Id || !Candidates(knowledge, topics[0]).Any(e => e.PackId == knowledge.Pack.Id
                    && (aspect is null || e.Aspects.Contains(aspect))))
                ? again : null;
            // Told apart by the earlier entry's title — unless the message asks its aspect itself and that county has its
            // own entry for it, which the earlier (national) title would only outrank ("听说信丰提高了，提高了多少" after
            // the national 低保 answer; a bare "禹州呢" still goes by the title).
            // A national answer before ("雨露计划啥时候发钱" → 各省不同), then "那信丰的呢": that county's own word on it
            // (xf-yulu's 3月/9月) is what is asked, even with no aspect in the message.
            var earlierNational = earlier.PackId == KnowledgePack.NationalId;
            var own = ((reading.Aspect is not null && !sameFigureAgain) || earlierNational) && aspect is not null && Candidates(knowledge, topics[0]).Any(e => e.PackId == knowledge.Pack.Id && e.Aspects.Contains(aspect));
            if (same is not null || !own || earlier.PackId == knowledge.Pack.Id) scoring = earlier.Title;
        }

        PolicyAnswer answer;
        var staysOnPurpose = false;
        if (topics.Count == 0)
            answer = BackOff(knowledge, question, reading, aspect, loose, last, lastKnowledge, followUp, why);
        // "毕业了找工作去哪登记" after 雨露计划+: how or where to do what the last answer just spoke of; that answer says.
        else if (spokenOf is not null && inherited && AddsHow(reading.Aspect) && !reading.YesNo && reading.County is null && spokenOf.Topics.Contains(topics[0]))
        {
            why.Add($"{aspect} of «{string.Join("/", reading.Mentions.Select(m => m.Cue))}», which the last answer {spokenOf.Id} speaks of");
            answer = Confident(lastKnowledge, spokenOf, FollowUpKind.How, topics[0], aspect, why, appendHow: true);
        }
        // "去哪办" after 禹州's own loan entry, which says where (农信社、邮储银行): nothing but the aspect is asked, so the
        // county's entry just read answers it, with how to apply; not the national one the few words happen to favour.
        else if (inherited && reading.County is null && AddsHow(aspect) && reading.Rest.Length < MinRestChars
            && last is not null && last.PackId == knowledge.Pack.Id && last.Topics.Contains(topics[0]) && last.Aspects.Contains(aspect!)
            && !SilentOnTheAskedFacet(knowledge, last, reading, aspect!))
        {
            why.Add($"only {aspect} asked after {last.Id}, this county's entry that answers it");
            answer = Confident(knowledge, last, FollowUpKind.How, topics[0], aspect, why, appendHow: true);
        }
        // "监测户的孩子能参加吗" after 雨露计划+: whether they may have it asks about the policy just read, when that entry
        // says who qualifies and this county has no entry of its own saying it instead.
        else if (inherited && namesNoTopic && reading.Aspect == WhoQualifies && reading.County is null
            && last is not null && last.Topics.Contains(topics[0]) && last.Aspects.Contains(WhoQualifies)
            && (last.PackId == knowledge.Pack.Id
                || !Candidates(knowledge, topics[0]).Any(e => e.PackId == knowledge.Pack.Id && e.Aspects.Contains(WhoQualifies))))
        {
            why.Add($"who may have it, asked of {last.Id} just read, which says so");
            staysOnPurpose = true;
            answer = Confident(knowledge, last, FollowUpKind.None, topics[0], aspect, why);
        }
        else if (same is not null)
        {
            why.Add($"the same question of {knowledge.Pack.CountyName}: {same.Id}, answered before, is its entry too");
            answer = Confident(knowledge, same, FollowUpKind.None, topics[0], aspect, why);
        }
        else
            answer = Choose(knowledge, scoring, reading, topics, aspect ?? SoftAspect(knowledge, topics, pendingAspect, why), loose, why);
        answer = DeclineUnstatedDetail(answer, knowledge, reading, topics, aspect, inherited, context, why);
        // "电视坏了去哪修" after 雨露计划: an aspect word, but the rest of the message is nothing the topic's labelled
        // questions spoke of — a new question, answered as if the conversation had just begun.
        // A follow-up: the topic's labelled questions are read once, if the stray check or the follow-up choice needs them.
        // The entry just read, again, and not because the farmer asked about it: maybe another entry of the topic was meant.
        var repeatsTheLast = RepeatsTheLast(answer, context) && !staysOnPurpose;
        var inTopic = inherited && (answer.Outcome != PolicyOutcome.Answer || reading.Rest.Length >= MinRestChars || repeatsTheLast)
            ? PredictWithinTopic(knowledge, question, topics[0]) : null;
        // "那买化肥种脐橙呢" after 小额信贷能拿来建房吗: 那…呢 asks the same again of something else, whatever its words.
        var askedAgainOf = folded.StartsWith('那') && endsWithNe;
        if (inherited && !askedAgainOf && LeavesTheTopic(countyPackId, question, answer, knowledge, reading, topics[0], inTopic, why) is { } fresh)
            return fresh;
        // How people asked the same before: an answer where the rules found none, or a clearly better one; in a follow-up,
        // only among the entries of the conversation's topic.
        answer = inherited
            ? WithinTheConversationTopic(answer, knowledge, inTopic, topics[0], aspect, repeatsTheLast, why)
            : WithLabelledQuestions(answer, knowledge, question, reading, topics, aspect, context, why);
        // "那禹州呢" answered by a national entry: say it holds there too, so it is not taken for the asker's own county's rule.
        if (knowledge != home && reading.County is not null && answer.Outcome == PolicyOutcome.Answer && answer.Entries.Count == 1
            && answer.Entries[0].PackId != knowledge.Pack.Id)
            answer = answer with { Text = PolicyTexts.NationalHoldsIn(knowledge.Pack.CountyName) + answer.Text };
        return answer with { Reading = reading, Inherited = inherited, Aspect = answer.Aspect ?? aspect };
    }

    /// <summary>The reading of a question in a county (for routers and explain), with no answer chosen.</summary>
    public QuestionReading? Read(string countyPackId, string question) =>
        Knowledge(snapshot(), countyPackId)?.Reader.Read(GivenNumbers.Without(question ?? ""));

    /// <summary>
    /// How well the question is covered by a confidently matching entry in any county pack (0 when no pack would
    /// answer it outright) — for routers deciding whether free text is a policy question.
    /// </summary>
    public float ConfidentCoverage(string question)
    {
        if (string.IsNullOrWhiteSpace(question)) return 0;
        question = GivenNumbers.Without(question);
        var current = snapshot();
        var best = 0f;
        foreach (var pack in current.Packs)
        {
            if (pack.IsNational || !current.TryGet(pack.Id, out var knowledge)) continue;
            var reading = knowledge.Reader.Read(question);
            // A policy named, or asked about in people's words: the Q&A's. People's words told as a plain statement
            // ("没活干了") are a hardship for 困难申报, which answers it briefly and offers to declare.
            if (reading.Topics.Count > 0 && (reading.TopicTier == CueTier.Name
                || (reading.TopicTier == CueTier.Colloquial && (reading.Aspect is not null || reading.YesNo || question.Contains('？') || question.Contains('?')))))
                return 1f;
            if (reading.Topics.Count > 0 && reading.TopicTier == CueTier.Colloquial) continue;
            // A situation told ("突然出了事故家里没收入了"), not a policy asked: for 困难申报, not for the Q&A's claim.
            if (reading.TopicTier == CueTier.Hint && reading.Aspect is null && !reading.YesNo) continue;
            var result = knowledge.Index.Search(question);
            if (Classify(result) == PolicyOutcome.Answer) best = Math.Max(best, result.ExactTitle ? 1f : result.First.Coverage);
        }
        return best;
    }

    /// <summary>The top matches with their scores and the rewritten question, for tuning and diagnostics.</summary>
    public (string Rewritten, IReadOnlyList<(PolicyEntry Entry, float Score, float Coverage)> Hits, PolicyOutcome Outcome) Explain(string countyPackId, string question)
    {
        var current = snapshot();
        if (!current.TryGet(countyPackId, out var knowledge)) knowledge = current.National!;
        question = GivenNumbers.Without(question ?? "");
        var result = knowledge.Index.Search(question);
        var hits = new List<(PolicyEntry, float, float)>();
        for (var i = 0; i < result.Count; i++) hits.Add((knowledge.Index.Entries[result[i].Entry], result[i].Score, result[i].Coverage));
        return (knowledge.Index.Normalize(question), hits, Classify(result));
    }

    private static CountyKnowledge? Knowledge(KnowledgeSnapshot current, string packId) =>
        current.TryGet(packId, out var knowledge) ? knowledge : current.National;

    /// <summary>Topics named: the entry of the topic that answers the aspect asked.</summary>
    private PolicyAnswer Choose(CountyKnowledge knowledge, string question, QuestionReading reading, IReadOnlyList<string> topics,
        string? aspect, bool loose, List<string> why)
    {
        var scores = new float[knowledge.Index.Entries.Count];
        knowledge.Index.ScoreAll(question, scores);

        if (topics.Count > 1)
        {
            // Each topic with the aspect asked of it ("小额信贷能贷多少，雨露计划怎么申请"), else the question's aspect.
            var best = topics.Select(t => (Topic: t, Aspect: reading.AspectOf(t) ?? aspect))
                .Select(x => (x.Topic, x.Aspect, Entry: x.Aspect is null or WhatIsIt ? BestOverview(knowledge, x.Topic, scores)
                    : BestFor(knowledge, x.Topic, x.Aspect, loose, scores)))
                .ToList();
            // "怎么自己申报监测，监测线是多少": the amount was asked of the other policy; beside its answer, this one gets
            // its overview rather than being dropped.
            if (best.Any(b => b.Entry is not null))
                best = best.Select(b => b.Entry is null && reading.AspectOf(b.Topic) is null
                    ? (b.Topic, (string?)null, BestOverview(knowledge, b.Topic, scores)) : b).ToList();
            best.RemoveAll(b => b.Entry is null);
            why.Add($"topics {string.Join(", ", topics)}; " + (best.Count == 0 ? "none has an entry for this" : $"entries: {string.Join(", ", best.Select(b => $"{b.Entry!.Id} ({b.Aspect ?? "no aspect"})"))}"));
            // "禹州安置点集体经济要突破多少": one topic's name runs straight into the other's, so the two name one thing; if this
            // county has no entry at all for the first, another topic's entry does not answer it.
            if (CompoundWithoutEntries(knowledge, reading, topics) is { } absent)
            {
                why.Add($"«{absent}» names, with the word after it, the one thing asked, and {knowledge.Pack.Id} has no entry for {absent}");
                return DetailMissing(knowledge, absent, aspect, why);
            }
            if (best.Count == 1 || (best.Count > 1 && reading.TopicTier == CueTier.Hint))
                return Confident(knowledge, best[0].Entry!, FollowUpKind.None, best[0].Topic, best[0].Aspect, why);
            if (best.Count == 0) return DetailMissing(knowledge, topics[0], aspect, why);
            if (!AsksSeveral(question, reading))
            {
                // "安置点集体经济要到多少": one entry is about both.
                var both = knowledge.Index.Entries.Where(e => topics.All(e.Topics.Contains)
                    && (aspect is null || aspect == WhatIsIt || Answers(knowledge, e, aspect, loose))).ToList();
                if (both.Count == 1)
                {
                    why.Add($"{both[0].Id} is about all of {string.Join(", ", topics)}");
                    return Confident(knowledge, both[0], FollowUpKind.None, topics[0], aspect, why);
                }
                // "第一书记有没有培训": 第一书记 is 驻村帮扶's and 培训 the skills topic's, and one entry names them both.
                if (NamingEveryCue(knowledge, reading, aspect, loose) is { } naming)
                {
                    why.Add($"{naming.Id} names every policy word asked ({string.Join(", ", reading.Mentions.Select(m => m.Cue).Distinct())}) in its title or keywords");
                    return Confident(knowledge, naming, FollowUpKind.None, naming.Topic, aspect, why);
                }
                // …or one of the topics' entries covers the whole question far better than the others.
                var byScore = Rank(knowledge, best.Select(b => b.Entry!).ToList(), scores, null);
                // Only when a policy is named: people's words for two policies ("出去打工的…有人管吗") are too loose to outweigh.
                if (reading.TopicTier == CueTier.Name && byScore[0].Score >= byScore[1].Score * SeveralLead)
                {
                    why.Add($"{byScore[0].Entry.Id} covers the question far better ({byScore[0].Score:F1} vs {byScore[1].Score:F1})");
                    return Confident(knowledge, byScore[0].Entry, FollowUpKind.None, byScore[0].Entry.Topic, aspect, why);
                }
                // "娃上中专学费得交多少": two topics' words, one thing asked: which one?
                why.Add("words of several topics but no 和/跟/、 between them: asking which one");
                return Clarify(best.Take(MaxParts).Select(b => b.Entry!).ToList(), topics[0], aspect, knowledge, why);
            }
            why.Add("several policies asked in one question: a short part for each");
            return Several(knowledge, best.Take(MaxParts).Select(b => b.Entry!).ToList(), best[0].Topic, best[0].Aspect, why);
        }

        var topic = topics[0];
        var candidates = Candidates(knowledge, topic);
        if (candidates.Count == 0)
        {
            why.Add($"topic {topic}: no entry in {knowledge.Pack.Id} or its parent");
            return new PolicyAnswer(PolicyOutcome.Fallback, PolicyTexts.TopicNotInDocuments(topic, Scope(knowledge)), [], [], null)
                { Topic = topic, County = knowledge.Pack.County, Why = why };
        }

        // A topic gathering many named things (工作机制: 增收三年行动, 2+N, 一口清 …): the one entry naming the thing asked.
        if ((aspect is null || aspect == WhatIsIt) && NamingEntry(knowledge, candidates) is { } named)
        {
            // "家庭医生签约要不要交钱": the entry named speaks of 家庭医生, but not of what anything costs.
            if (aspect is null && reading.Mentions.All(m => m.Topic == topic)
                && AskedMoneyWord(reading.Folded, CostOrBenefitWords) is { } unsaid && LeavesMoneyUnsaid(named.Answer, unsaid))
            {
                why.Add($"topic {topic}: only {named.Id} names «{reading.Mentions[0].Cue}», but «{unsaid}» is asked and it states no sum or cost");
                return DetailMissing(knowledge, topic, "金额标准", why) with { DeclinedEntryId = named.Id };
            }
            why.Add($"topic {topic}: only {named.Id} names «{reading.Mentions[0].Cue}» in its title or keywords");
            return Confident(knowledge, named, FollowUpKind.None, topic, aspect, why);
        }

        if (aspect is not null)
        {
            var fitting = Fitting(knowledge, topic, aspect, loose);
            // "小额信贷是什么政策": the entries saying what the topic is, when the topic has some.
            if (aspect == WhatIsIt)
                return Overview(knowledge, topic, fitting.Count > 0 ? fitting : candidates, scores, AspectLead, why) with { Aspect = WhatIsIt };
            if (fitting.Count == 0)
            {
                // "光伏收益怎么分配": no entry claims the aspect, but one of the topic's has every word the farmer used.
                if (SaysTheAskedWords(knowledge, Rank(knowledge, candidates, scores, null), reading, aspect, closeOnly: false) is { } literal)
                {
                    why.Add($"topic {topic}: no entry claims {aspect}, but {literal.Id} has every word asked");
                    return Confident(knowledge, literal, FollowUpKind.None, topic, aspect, why);
                }
                // "低保标准提高了吗百分之几": 百分之 (a target) outranked 提高了 (the standard), but only the standard has an entry.
                // Only a firmly asked aspect, and not 是什么: an overview is no answer to a particular question.
                // Not a cue inside the asked one's phrase: "能领几多钱" reads 能领 (对象条件) and 领几多 (金额标准), one question.
                var runnerUp = reading.AspectCues
                    .Where(a => a.Aspect != aspect && a.Aspect != WhatIsIt
                        && knowledge.Vocabulary.Aspect(a.Aspect)?.WeakCues.Contains(a.Cue) != true
                        && !reading.AspectCues.Any(b => b.Aspect == aspect && b.Start < a.Start + a.Cue.Length && a.Start < b.Start + b.Cue.Length))
                    .Select(a => a.Aspect).Distinct()
                    .FirstOrDefault(a => Fitting(knowledge, topic, a, false).Count > 0);
                // "先诊疗后付费的享受率要达到多少": the topic has no target of its own, but an entry of the policy it belongs to
                // (医疗保障) states one for it by name.
                if (runnerUp is null && ParentEntriesSaying(knowledge, topic, aspect, reading) is { } naming)
                {
                    var parentEntry = Rank(knowledge, naming, scores, null)[0].Entry;
                    // "住院报销比例是多少" read as 先诊疗后付费: the parent's shares are targets (履约率100%), not what is paid.
                    if (UnstatedShare(reading.Folded, parentEntry.Answer) is { } unstatedShare)
                    {
                        why.Add($"topic {topic}: no entry answers {aspect}; {parentEntry.Id} of its parent topic states no «{unstatedShare}»");
                        return DetailMissing(knowledge, topic, aspect, why) with { DeclinedEntryId = parentEntry.Id };
                    }
                    why.Add($"topic {topic}: no entry answers {aspect}; {parentEntry.Id} of its parent topic states it for {topic}");
                    return Confident(knowledge, parentEntry, FollowUpKind.None, topic, aspect, why);
                }
                // "五保户去哪报", "临时救助去哪里申请": where to go, of a topic whose how-to-apply names the office.
                if (aspect == Where && runnerUp is null && EntriesNamingAnOffice(Fitting(knowledge, topic, HowToApply, false)) is { } offices)
                {
                    // The entry the farmer just read, if it is one of them; else the first of the topic.
                    var office = offices.FirstOrDefault(e => e.Id == _lastEntry.Value) ?? offices[0];
                    why.Add($"topic {topic}: no entry answers {aspect}, but {office.Id} says where to apply");
                    return Confident(knowledge, office, FollowUpKind.How, topic, aspect, why, appendHow: true);
                }
                // "能贷多少" after 创业: no entry states the sum, but one says whom to ask for it ("额度问县人社局"), which
                // is the honest answer and more use than "not in the documents".
                if (aspect == "金额标准" && runnerUp is null && SayingWhomToAskForTheSum(candidates) is { } whom)
                {
                    why.Add($"topic {topic}: no entry states {aspect}, but {whom.Id} says whom to ask for it");
                    return Confident(knowledge, whom, FollowUpKind.None, topic, aspect, why);
                }
                // "帮扶车间一个月能拿多少钱": money firmly asked and no entry states it; 一个月 counts the money, it asks no cadence.
                if (runnerUp is null || (aspect == "金额标准" && !loose && runnerUp is "频次" or "期限"))
                    return DetailMissing(knowledge, topic, aspect, why);
                why.Add($"topic {topic}: no entry answers {aspect}; the question also asks {runnerUp}, which one does");
                aspect = runnerUp;
                fitting = Fitting(knowledge, topic, aspect, false);
            }
            // "孩子快毕业了去哪登记" of 雨露计划: 毕业 is the name of the topic's other entry (雨露计划+), which the entries
            // claiming 地点 never mention; where to go after graduating is that entry's to say.
            if (aspect is HowToApply or Where or WhoQualifies && NamedOnlyByAnother(knowledge, candidates, fitting, reading) is { } other)
            {
                why.Add($"topic {topic}, aspect {aspect}: «{other.Pair}» is named only by {other.Entry.Id}, which the entries claiming it never mention");
                return Confident(knowledge, other.Entry, AddsHow(aspect) ? FollowUpKind.How : FollowUpKind.None, topic, aspect, why, appendHow: AddsHow(aspect));
            }
            fitting = OnTheAskedFacet(knowledge, fitting, reading, aspect, why);
            var ranking = Rank(knowledge, fitting, scores, null);
            // "那还贴息不" after 逾期了会怎样: nothing asked besides the aspect, and the entry just read answers it with every
            // word asked (不再贴息): the conversation stays with it.
            if (ranking.Count > 1 && ranking[0].Score < ranking[1].Score * AspectLead && reading.Rest.Length < MinRestChars
                && _lastEntry.Value is { } lastRead && ranking.FindIndex(r => r.Entry.Id == lastRead) is > 0 and var at
                && SaysTheAskedWords(knowledge, [ranking[at]], reading, aspect, closeOnly: false) is not null)
            {
                why.Add($"topic {topic}, aspect {aspect}: entries close together, staying with the last answer {lastRead}");
                ranking = [ranking[at]];
            }
            if (ranking.Count > 1 && ranking[0].Score < ranking[1].Score * AspectLead
                && SaysTheAskedWords(knowledge, ranking, reading, aspect) is { } saying)
            {
                // "贷后监管是不是每半年一次": the close entries differ, but only one (or the first of several saying the
                // same) has every word the farmer used for the topic, the aspect and the rest: it states what was asked.
                why.Add($"topic {topic}, aspect {aspect}: entries close together, {saying.Id} has every word asked");
                ranking = [(saying, ranking[0].Score)];
            }
            // "那禹州呢" after 帮扶责任人多久来一次: both 禹州 entries say 每月至少走访4次, so there is nothing to choose between.
            if (ranking.Count > 1 && ranking[0].Score < ranking[1].Score * AspectLead
                && SharedFigure(aspect, ranking[0].Entry.Answer, ranking[1].Entry.Answer) is { } shared)
            {
                why.Add($"topic {topic}, aspect {aspect}: entries close together, but {ranking[0].Entry.Id} and {ranking[1].Entry.Id} both say «{shared}»");
                ranking = [ranking[0]];
            }
            if (ranking.Count > 1 && ranking[0].Score < ranking[1].Score * AspectLead)
            {
                why.Add($"topic {topic}, aspect {aspect}: {ranking.Count} entries answer it and the question does not separate them ({ranking[0].Score:F1} vs {ranking[1].Score:F1})");
                return Clarify(ranking.Take(3).Select(r => r.Entry).ToList(), topic, aspect, knowledge, why);
            }
            var entry = ranking[0].Entry;
            if (UnnamedThing(reading, topic, aspect, entry) is { } thing)
            {
                // "每个乡镇要打造几个产业示范村": the entry's figures are about something else of the topic.
                why.Add($"a figure asked about «{thing}», which {entry.Id} does not mention");
                return DetailMissing(knowledge, topic, aspect, why) with { DeclinedEntryId = entry.Id };
            }
            if (UnmentionedKind(knowledge, reading, topic, aspect, entry) is { } kind)
            {
                why.Add($"a figure asked of «{kind}», which {entry.Id} never names: its figures are for other kinds");
                return DetailMissing(knowledge, topic, aspect, why) with { DeclinedEntryId = entry.Id };
            }
            // "公益岗一个月工资多少": the entry's figures are people and tasks, not the money asked. So too for a target in
            // money ("集体经济收入目标多少") of an entry whose targets are counts.
            if (aspect is "金额标准" or "目标任务" && reading.Mentions.All(m => m.Topic == topic) && UnstatedMoney(reading.Folded, entry.Answer) is { } money)
            {
                why.Add($"«{money}» asked, and {entry.Id} states no sum of money");
                return DetailMissing(knowledge, topic, aspect, why) with { DeclinedEntryId = entry.Id };
            }
            // "住院能报销百分之多少" of an entry with no share in it.
            if (reading.Mentions.All(m => m.Topic == topic) && UnstatedShare(reading.Folded, entry.Answer) is { } share)
            {
                why.Add($"«{share}» asked, and {entry.Id} states no share");
                return DetailMissing(knowledge, topic, aspect, why) with { DeclinedEntryId = entry.Id };
            }
            // "孩子上小学报名要带什么材料" of an entry that names no papers: the part of the aspect asked is not in it.
            if (SilentOnTheAskedFacet(knowledge, entry, reading, aspect) && reading.Mentions.All(m => m.Topic == topic))
            {
                var facet = AskedFacets(knowledge, reading, aspect)![0][0];
                why.Add($"aspect {aspect} asked as «{facet}», which {entry.Id} does not speak of");
                return DetailMissing(knowledge, topic, aspect, why, detail: facet) with { DeclinedEntryId = entry.Id };
            }
            // Only when the question speaks of this one topic: in "贷款养牛要几年还，奖补几时发" the years are the loan's.
            if (aspect is "期限" or "频次" or "时间" && reading.Mentions.All(m => m.Topic == topic)
                && UnstatedUnitCount(reading.Folded, entry.Answer, timePointOnly: aspect == "时间") is { } count)
            {
                why.Add($"«{count}» asked, and {entry.Id} states no figure in that unit");
                return DetailMissing(knowledge, topic, aspect, why) with { DeclinedEntryId = entry.Id };
            }
            // "禹州2026年的监测收入线是多少" of the 2023 plan's 7500: that year's figure is not in the documents. A hard fact, so
            // the labelled questions (asked mostly without a year) may not answer from this entry after all.
            if (OtherYearsOnly(reading.Folded, entry) is { } year)
            {
                why.Add($"{year} asked, and {entry.Id} states other years' figures only");
                return DetailMissing(knowledge, topic, aspect, why, year: year) with { DeclinedEntryId = entry.Id };
            }
            if (reading.YesNo && UnconfirmedFigure(reading.Folded, entry.Answer) is { } figure)
            {
                why.Add($"a yes/no question about the figure {figure}, which {entry.Id} does not state");
                return DetailMissing(knowledge, topic, aspect, why, figure);
            }
            why.Add($"topic {topic}, aspect {aspect}: {entry.Id} answers it" + (entry.PackId == knowledge.Pack.Id ? " (county entry first)" : ""));
            return Confident(knowledge, entry, AddsHow(aspect) ? FollowUpKind.How : FollowUpKind.None, topic, aspect, why, appendHow: AddsHow(aspect));
        }

        // "培训有补贴不", "签家庭医生要不要交钱": money asked without an aspect word, of a topic none of whose entries
        // states a sum or speaks of money. Its overview would be a confident answer to another question. A word of a topic
        // the reading set aside ("在帮扶车间上班有补贴不": 上班 is the workshop's) does not make the money another's —
        // unless the money tells what was spent ("孩子上学花钱太多，能临时救助吗" is the hardship, not a cost asked).
        if (candidates.Count > 0 && AskedMoneyWord(reading.Folded, CostOrBenefitWords) is { } unstated
            && reading.Mentions.All(m => m.Topic == topic || (!reading.Topics.Contains(m.Topic) && !ToldAsSpent(reading.Folded, unstated)))
            && candidates.All(e => LeavesMoneyUnsaid(e.Answer, unstated)))
        {
            why.Add($"«{unstated}» asked, and no entry of {topic} states a sum or speaks of money");
            return DetailMissing(knowledge, topic, "金额标准", why) with { DeclinedEntryId = candidates.Count == 1 ? candidates[0].Id : null };
        }
        return Overview(knowledge, topic, candidates, scores, TopicLead, why);
    }

    /// <summary>A topic and no particular aspect: the entry that says what the topic is, if one stands out; else ask.</summary>
    private PolicyAnswer Overview(CountyKnowledge knowledge, string topic, List<PolicyEntry> candidates, float[] scores, float lead, List<string> why)
    {
        if (candidates.Count == 1)
        {
            why.Add($"topic {topic}, no particular aspect: its only entry {candidates[0].Id}");
            return Confident(knowledge, candidates[0], FollowUpKind.None, topic, null, why);
        }
        // Words besides the topic ("贷款需要担保人吗", "弱劳动力能用小额信贷吗") ask something particular: the entry those
        // words point to, if one stands out; never the topic's overview by default.
        if (_reading.Value is { Rest.Length: >= MinRestChars } reading)
        {
            var restScores = new float[knowledge.Index.Entries.Count];
            knowledge.Index.ScoreAll(reading.Rest, restScores);
            var byRest = Rank(knowledge, candidates, restScores, null);
            if (byRest[0].Score >= MinRestScore && byRest[0].Score >= byRest[1].Score * lead)
            {
                why.Add($"topic {topic}, no aspect word; the other words «{reading.Rest}» point to {byRest[0].Entry.Id} ({byRest[0].Score:F1} vs {byRest[1].Score:F1})");
                return Confident(knowledge, byRest[0].Entry, FollowUpKind.None, topic, null, why);
            }
            if (byRest[0].Score >= MinRestScore)
            {
                why.Add($"topic {topic}, no aspect word; «{reading.Rest}» does not separate its entries: asking which one");
                return Clarify(byRest.Take(3).Select(r => r.Entry).ToList(), topic, null, knowledge, why);
            }
        }
        var ranked = Rank(knowledge, candidates, scores, preferAspect: WhatIsIt);
        var (first, firstScore) = ranked[0];
        var secondScore = ranked[1].Score;
        if (firstScore > 0 && firstScore >= secondScore * lead)
        {
            why.Add($"topic {topic}, no particular aspect: {first.Id} stands out ({firstScore:F1} vs {secondScore:F1})");
            return Confident(knowledge, first, FollowUpKind.None, topic, null, why);
        }
        // "俺家房子漏雨能改不" after 危房改造谁能享受: of the close entries, the one the conversation is on.
        if (_lastEntry.Value is { } lastId && ranked.Take(3).FirstOrDefault(r => r.Entry.Id == lastId).Entry is { } current)
        {
            why.Add($"topic {topic}, no particular aspect, entries close together: staying with the last answer {current.Id}");
            return Confident(knowledge, current, FollowUpKind.None, topic, null, why);
        }
        // "防返贫监测是啥": what it is was asked, and of the close entries one is titled as saying what it is.
        if (_reading.Value is { } asked && AsksAspect(asked, WhatIsIt) && TheOneTitled(ranked, WhatIsIt) is { } definition)
        {
            why.Add($"topic {topic}, what it is asked, entries close together: {definition.Id} is the one saying what it is");
            return Confident(knowledge, definition, FollowUpKind.None, topic, WhatIsIt, why);
        }
        why.Add($"topic {topic}, no particular aspect, {candidates.Count} entries close together: asking which one");
        return Clarify(ranked.Take(3).Select(r => r.Entry).ToList(), topic, null, knowledge, why);
    }

    /// <summary>The only candidate whose title or keywords hold the question's (single, specific) topic cue.</summary>
    private PolicyEntry? NamingEntry(CountyKnowledge knowledge, List<PolicyEntry> candidates)
    {
        if (_reading.Value is not { } reading || reading.Mentions.Count != 1) return null;
        var cue = reading.Mentions[0].Cue;
        if (cue.Length < 3 || cue == reading.Mentions[0].Topic) return null;
        PolicyEntry? found = null;
        foreach (var e in candidates)
        {
            if (!knowledge.Positions.TryGetValue(e.Id, out var at) || !knowledge.Labels[at].Contains(cue, StringComparison.Ordinal)) continue;
            if (found is not null) return null;
            found = e;
        }
        return found;
    }

    /// <summary>Words for a sum that an entry may say is set elsewhere.</summary>
    private static readonly string[] SumWords = ["额度", "金额", "补助标准", "多少钱"];

    /// <summary>
    /// The one entry among these whose answer sends the farmer somewhere for the sum ("具体条件和额度问县人社局"): a sum
    /// word followed closely by 问/咨询/为准. Null when none or several do.
    /// </summary>
    private static PolicyEntry? SayingWhomToAskForTheSum(List<PolicyEntry> entries)
    {
        PolicyEntry? found = null;
        foreach (var entry in entries)
        {
            if (!SendsForTheSum(entry.Answer)) continue;
            if (found is not null) return null;
            found = entry;
        }
        return found;
    }

    private static bool SendsForTheSum(string answer)
    {
        foreach (var word in SumWords)
            for (var at = answer.IndexOf(word, StringComparison.Ordinal); at >= 0; at = answer.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                var after = answer.AsSpan(at + word.Length, Math.Min(8, answer.Length - at - word.Length));
                if (after.Contains("问", StringComparison.Ordinal) || after.Contains("咨询", StringComparison.Ordinal) || after.Contains("为准", StringComparison.Ordinal))
                    return true;
            }
        return false;
    }

    private static List<PolicyEntry> Candidates(CountyKnowledge knowledge, string topic)
    {
        var list = new List<PolicyEntry>();
        foreach (var e in knowledge.Index.Entries) if (e.Topics.Contains(topic)) list.Add(e);
        return list;
    }

    private static bool Answers(CountyKnowledge knowledge, PolicyEntry entry, string aspect, bool loose)
    {
        if (entry.Aspects.Contains(aspect)) return true;
        return loose && knowledge.Vocabulary.Aspect(aspect) is { } def && def.Near.Any(entry.Aspects.Contains);
    }

    /// <summary>The entries of a topic that answer the aspect (near ones when the aspect was only loosely asked).</summary>
    private static List<PolicyEntry> Fitting(CountyKnowledge knowledge, string topic, string aspect, bool loose)
    {
        var exact = Candidates(knowledge, topic).Where(e => e.Aspects.Contains(aspect)).ToList();
        if (exact.Count == 0 && loose) exact = Candidates(knowledge, topic).Where(e => Answers(knowledge, e, aspect, true)).ToList();
        return exact;
    }

    private PolicyEntry? BestFor(CountyKnowledge knowledge, string topic, string aspect, bool loose, float[] scores)
    {
        var fitting = Fitting(knowledge, topic, aspect, loose);
        if (_reading.Value is { } reading) fitting = OnTheAskedFacet(knowledge, fitting, reading, aspect, []);
        return fitting.Count == 0 ? null : Rank(knowledge, fitting, scores, null)[0].Entry;
    }

    private PolicyEntry? BestOverview(CountyKnowledge knowledge, string topic, float[] scores)
    {
        var candidates = Candidates(knowledge, topic);
        return candidates.Count == 0 ? null : Rank(knowledge, candidates, scores, WhatIsIt)[0].Entry;
    }

    /// <summary>One of the question's aspect words asks this aspect (whichever aspect was chosen in the end).</summary>
    private static bool AsksAspect(QuestionReading reading, string aspect)
    {
        foreach (var cue in reading.AspectCues) if (cue.Aspect == aspect) return true;
        return false;
    }

    /// <summary>The only one of the first three ranked entries whose title has the word, or null.</summary>
    private static PolicyEntry? TheOneTitled(List<(PolicyEntry Entry, float Score)> ranked, string word)
    {
        PolicyEntry? found = null;
        for (var i = 0; i < ranked.Count && i < 3; i++)
        {
            if (!ranked[i].Entry.Title.Contains(word, StringComparison.Ordinal)) continue;
            if (found is not null) return null;
            found = ranked[i].Entry;
        }
        return found;
    }

    /// <summary>Best first: BM25 score, the county's own entries counting more, an entry saying what the topic is ahead when asked nothing else.</summary>
    private List<(PolicyEntry Entry, float Score)> Rank(CountyKnowledge knowledge, List<PolicyEntry> entries, float[] scores, string? preferAspect)
    {
        var reading = _reading.Value;
        var ranked = new List<(PolicyEntry, float)>(entries.Count);
        foreach (var e in entries)
        {
            var found = knowledge.Positions.TryGetValue(e.Id, out var at);
            var score = found ? scores[at] : 0;
            score = Math.Max(score, 0.01f);
            if (e.PackId == knowledge.Pack.Id) score *= LocalPreference;
            if (preferAspect is not null && e.Aspects.Contains(preferAspect)) score *= 1f + 0.1f * e.Aspects.Count;
            // The question's own words for the topic or the aspect (利息, 增收三年行动) in the entry's title or keywords.
            if (found && reading is not null)
            {
                var label = knowledge.Labels[at];
                foreach (var m in reading.Mentions)
                    if (m.Cue != m.Topic && m.Cue.Length >= 2 && label.Contains(m.Cue, StringComparison.Ordinal)) { score *= CueBonus; break; }
                foreach (var (_, cue, _) in reading.AspectCues)
                    if (cue.Length >= 2 && label.Contains(cue, StringComparison.Ordinal)) { score *= CueBonus; break; }
            }
            ranked.Add((e, score));
        }
        ranked.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return ranked;
    }

    internal PolicyOutcome Classify(in SearchResult result)
    {
        if (result.Count == 0) return PolicyOutcome.Fallback;
        if (result.ExactTitle) return PolicyOutcome.Answer;
        var first = result.First;
        var strong = first.Coverage >= _t.MinCoverage && first.Score >= _t.MinScore;
        var shortButCovered = first.Coverage >= _t.ShortQuestionCoverage && first.Score >= _t.VagueMinScore;
        var dominant = first.Score >= _t.DominantMinScore && first.Coverage >= _t.DominantMinCoverage
            && (result.Count == 1 || first.Score >= result.Second.Score * _t.DominanceRatio);
        if (!strong && !shortButCovered && !dominant)
        {
            var vague = result.Count > 1 && first.Coverage >= _t.VagueCoverage && first.Score >= _t.VagueMinScore
                && result.Second.Score >= first.Score * _t.VagueTieRatio;
            return vague ? PolicyOutcome.Clarify : PolicyOutcome.Fallback;
        }
        if (result.Count > 1 && result.Second.Score >= first.Score * _t.TieRatio && first.Coverage < _t.ClearCoverage
            && result.Second.Coverage >= first.Coverage - _t.CoverageLead)
            return PolicyOutcome.Clarify;
        return PolicyOutcome.Answer;
    }

    /// <summary>
    /// The question joins two policies ("低保和特困", "危房改造、饮水安全", "小额信贷能贷多少，雨露计划怎么申请") rather
    /// than using the words of two topics for one thing.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> SeveralSeparators = System.Buffers.SearchValues.Create("，,、；;+＋ \u3000");

    private static bool AsksSeveral(string question, QuestionReading reading)
    {
        // A space between two clauses ("低保咋申请 临时救助又该找谁") separates them as a comma does (voice input, typing).
        if (reading.TopicsJoined || question.AsSpan().Trim().IndexOfAny(SeveralSeparators) >= 0 || reading.Folded.Contains("分别", StringComparison.Ordinal)) return true;
        var mentions = reading.Mentions.Where(m => reading.Topics.Contains(m.Topic)).OrderBy(m => m.Start).ToList();
        for (var i = 1; i < mentions.Count; i++)
        {
            if (mentions[i].Topic == mentions[i - 1].Topic) continue;
            var from = mentions[i - 1].Start + mentions[i - 1].Length;
            if (from < mentions[i].Start && QuestionReader.HasJoiner(reading.Folded.AsSpan(from, mentions[i].Start - from))) return true;
        }
        return false;
    }

    /// <summary>
    /// A topic with no entry in this county whose name runs straight into another topic's (安置点|集体经济), in a question
    /// that does not join several: the two words name one thing. Null otherwise.
    /// </summary>
    private static string? CompoundWithoutEntries(CountyKnowledge knowledge, QuestionReading reading, IReadOnlyList<string> topics)
    {
        if (reading.TopicTier == CueTier.Hint || reading.TopicsJoined) return null;
        foreach (var m in reading.Mentions)
        {
            if (!topics.Contains(m.Topic) || Candidates(knowledge, m.Topic).Count > 0) continue;
            foreach (var next in reading.Mentions)
                if (next.Topic != m.Topic && topics.Contains(next.Topic) && next.Start == m.Start + m.Length) return m.Topic;
        }
        return null;
    }

    /// <summary>Two topics' words for one thing: the entry that must lead to be answered without asking.</summary>
    private const float SeveralLead = 2f;
}
