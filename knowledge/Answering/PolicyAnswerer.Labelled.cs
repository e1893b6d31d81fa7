using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>
/// The labelled questions (<see cref="LabelledQuestionModel"/>) next to the rules: they answer where the rules found
/// nothing or only choices, and overrule the rules' entry when people who asked like this were clearly answered by
/// another one. The thresholds (<see cref="AnswerThresholds"/>) were chosen on questions the model had not seen.
/// </summary>
public sealed partial class PolicyAnswerer
{
    private static readonly Func<string, bool> AnyLabel = static _ => true;

    /// <param name="topics">The topics the rules took the question to name (after corrections and conversation words).</param>
    private PolicyAnswer WithLabelledQuestions(PolicyAnswer answer, CountyKnowledge knowledge, string question, QuestionReading reading,
        IReadOnlyList<string> topics, string? aspect, PolicyContext context, List<string> why)
    {
        // Several policies named: the rules' parts or choices are the answer; one entry for them may yield to another of
        // the named policies that people asking like this were told.
        if (topics.Count > 1) return AmongTheNamed(answer, knowledge, question, topics, context, why);
        // A bare follow-up ("去哪申请", "能贷好多" after 创业担保贷款): only the conversation knows what it is about, and
        // the labelled questions are read without it. "去哪儿办" with nothing before: whatever most people meant by it,
        // this one did not say.
        if (topics.Count == 0 && (context.LastTopic is not null || reading.Rest.Length < MinRestChars)) return answer;
        // "多久能批下来" as a first message: only the aspect and words every application uses. Whichever policy most people
        // asking like this meant, this farmer did not say; the rules' question back ("您是想问…") or honest reply stands.
        if (topics.Count == 0 && aspect is not null && answer.Outcome != PolicyOutcome.Answer && AsksOnlyHowItGoes(reading, knowledge.Index))
        {
            why.Add("only an aspect and words every application uses: the labelled questions cannot say which policy");
            return answer;
        }
        var rulesAnswered = answer.Outcome == PolicyOutcome.Answer;
        // Several parts, or an answer in a conversation (which the labelled questions know nothing of): the rules'.
        if (rulesAnswered && (answer.Entries.Count != 1 || context.LastTopic is not null)) return answer;

        if (knowledge.Labelled.Predict(question, AnyLabel) is not { } best) return answer;
        string Odds() => OddsText(best.Margin, best.Seen);
        // "公益岗一个月工资多少", "离婚去哪办": people asking like this were told the documents do not say. The rules'
        // entry would be a confident answer to another question.
        if (rulesAnswered && best.Label == LabelledQuestion.Fallback && best.Margin >= _t.LabelledOverruleMargin
            && best.Seen >= _t.LabelledFallbackSeen)
        {
            why.Add($"the labelled questions most like it were answered «not in the documents», not by {answer.Entries[0].Id} ({Odds()})");
            return topics.Count == 1 ? DetailMissing(knowledge, topics[0], aspect, why) : Fallback(reading, why);
        }
        if (LabelledQuestion.IsReserved(best.Label) || knowledge.Find(best.Label) is not { } entry) return answer;
        if (CorrectedAway(reading, topics, entry))
        {
            why.Add($"the labelled questions most like it lean to {entry.Id}, about the policy the farmer said was not meant ({Odds()})");
            return answer;
        }
        // A share asked ("报销百分之多少") that the entry people meant does not state: the honest reply stands.
        if (UnstatedShare(reading.Folded, entry.Answer) is { } share)
        {
            why.Add($"the labelled questions most like it were answered by {entry.Id}, which states no «{share}» ({Odds()})");
            return answer;
        }
        if (entry.Id == answer.DeclinedEntryId)
        {
            why.Add($"the labelled questions most like it were answered by {entry.Id}, which the rules found does not state what was asked ({Odds()})");
            return answer;
        }
        if (rulesAnswered)
        {
            if (entry.Id == answer.Entries[0].Id) return answer;
            if (best.Margin < _t.LabelledOverruleMargin || best.Seen < _t.LabelledOverruleSeen)
            {
                why.Add($"the labelled questions most like it lean to {entry.Id}, not clearly enough to overrule ({Odds()})");
                return answer;
            }
            if (aspect is not null && !entry.Aspects.Contains(aspect) && entry.Topics.Any(answer.Entries[0].Topics.Contains)
                && best.Margin < (AsksOnlyThat(reading, aspect) ? _t.LabelledOverruleNotAnsweringPlainMargin : _t.LabelledOverruleNotAnsweringMargin))
            {
                why.Add($"the labelled questions most like it lean to {entry.Id}, which does not answer {aspect} ({Odds()})");
                return answer;
            }
            // "给老叔申请五保该找谁": 五保 names 特困, and people asking like this were mostly answered about 低保. Short of
            // overwhelming odds, the farmer chooses between the policy they named (by name or in their own words) and the
            // one their wording resembles.
            var named = answer.Entries[0];
            // "家里人出车祸了，花了不老少钱，这种能自己报监测不": 车祸 says 临时救助 only as the situation told (a hint), and
            // the policy asked is named; look-alikes telling the same kind of trouble do not make it the question.
            if (reading.TopicTier is not null && !entry.Topics.Any(named.Topics.Contains) && OnlyHinted(reading, entry))
            {
                why.Add($"the labelled questions most like it lean to {entry.Id}, whose policy the question only hints at in the situation told ({Odds()})");
                return answer;
            }
            if (reading.TopicTier is not null && !entry.Topics.Any(named.Topics.Contains) && best.Margin < _t.LabelledAcrossNamedMargin)
            {
                why.Add($"the labelled questions most like it lean to {entry.Id}, another policy than the one named ({Odds()}): asking which one");
                return Clarify([named, entry], topics.Count == 1 ? topics[0] : null, aspect, knowledge, why);
            }
            why.Add($"the labelled questions most like it were answered by {entry.Id}, not {answer.Entries[0].Id} ({Odds()})");
            return Learned(knowledge, entry, aspect, why, topics);
        }
        // Odds this lopsided come from many look-alike questions that all went one way: trust them even on wording the
        // rules read as another topic (the rules' topic words are the likelier mistake then).
        var overwhelming = best.Margin >= _t.LabelledSureMargin && best.Seen >= _t.LabelledSureSeen;
        if (!overwhelming && (best.Margin < _t.LabelledMargin || best.Seen < _t.LabelledSeen))
        {
            why.Add($"the labelled questions most like it lean to {entry.Id}, not clearly enough ({Odds()})");
            return answer;
        }
        // "临时救助能给多少", "中职助学金几月份发": a sum or a date firmly asked that no entry of the topic states, and the
        // entry people asking like this were told does not state it either (nor a figure of a near aspect, a target in
        // money): the honest reply stands. Only these two: of the other aspects the rules' reading is more often the
        // mistake (keeping every honest reply cost 385 right answers for 40 wrong ones in leave-one-set-out).
        // A sum of money asked in money's words ("驻村干部有补贴没 一个月多少"): an entry of a near aspect (targets such as
        // 2.27万人) does not answer it either, unless it states money.
        if (answer.IsDetailMissing && aspect is not null && FirmlyAsked(reading, aspect)
            && (aspect == "金额标准"
                ? !StatesMoney(entry.Answer) && (AskedMoneyWord(reading.Folded, MoneyWords) is not null
                    ? !entry.Aspects.Contains(aspect) : !AnswersOrNear(knowledge, entry, aspect))
                : !AnswersOrNear(knowledge, entry, aspect)))
        {
            why.Add($"the labelled questions most like it lean to {entry.Id}, which does not state {aspect} either: the honest reply stands ({Odds()})");
            return answer;
        }
        // "打12317要收费吗": what the farmer pays, asked of a topic whose entry people asking like this were told says
        // nothing of costs (nor any sum): the honest reply stands, whatever aspect the words were read as.
        if (answer.IsDetailMissing && AskedCost(reading.Folded) is { } cost && !MoneyToldNotAsked(reading.Folded)
            && LeavesMoneyUnsaid(entry.Answer, cost))
        {
            why.Add($"«{cost}» asked, and the labelled questions most like it lean to {entry.Id}, which says nothing of what it costs: the honest reply stands ({Odds()})");
            return answer;
        }
        // "…集中供养的敬老院在哪": where a place is (or a street address), which the entry people asking like this were told
        // does not give either.
        if (answer.IsDetailMissing && (UnstatedPlace(reading.Folded, entry) ?? UnstatedAddress(reading.Folded, entry)) is { } where)
        {
            why.Add($"«{where}» asked, and the labelled questions most like it lean to {entry.Id}, which does not say where either: the honest reply stands ({Odds()})");
            return answer;
        }
        // A policy named in the question that the entry is not about: the wording fooled the model, not the farmer.
        if (!overwhelming && topics.Count == 1 && !entry.Topics.Contains(topics[0]))
        {
            why.Add($"the labelled questions most like it lean to {entry.Id}, which is not about {topics[0]}");
            return answer;
        }
        why.Add($"the rules did not settle it; the labelled questions most like it were answered by {entry.Id} ({Odds()})");
        return Learned(knowledge, entry, aspect, why, topics);
    }

    /// <summary>
    /// "打12317能申请纳入监测吗": two policies named, the hotline and 自主申报, and the rules chose the 申报 entry by the
    /// aspect (能申请). People asking like this were told what the hotline does — which says it takes such applications —
    /// so with clear odds the entry of the other named policy answers. Never one of a policy not named.
    /// </summary>
    private PolicyAnswer AmongTheNamed(PolicyAnswer answer, CountyKnowledge knowledge, string question, IReadOnlyList<string> topics,
        PolicyContext context, List<string> why)
    {
        if (answer.Outcome != PolicyOutcome.Answer || answer.Entries.Count != 1 || context.LastTopic is not null) return answer;
        var best = knowledge.Labelled.Predict(question, label => knowledge.Find(label)?.Topics.Any(topics.Contains) == true);
        if (best is not { } b || knowledge.Find(b.Label) is not { } entry || entry.Id == answer.Entries[0].Id) return answer;
        if (b.Margin < _t.LabelledAmongNamedMargin || b.Seen < _t.LabelledOverruleSeen) return answer;
        why.Add($"of the policies named, the labelled questions most like it were answered by {entry.Id}, not {answer.Entries[0].Id} ({OddsText(b.Margin, b.Seen)})");
        return Learned(knowledge, entry, null, why, topics);
    }

    /// <summary>
    /// A follow-up the rules took to continue the conversation's topic but could not answer ("能补多少钱" after 危房改造):
    /// the entry of that topic whose labelled questions ask like this, if they clearly agree.
    /// </summary>
    private PolicyAnswer WithinTheConversationTopic(PolicyAnswer answer, CountyKnowledge knowledge,
        (string Label, double Margin, double Seen)? inTopic, string topic, string? aspect, bool repeatsTheLast, List<string> why)
    {
        if (answer.Outcome == PolicyOutcome.Answer && !repeatsTheLast) return answer;
        if (inTopic is not { } best || LabelledQuestion.IsReserved(best.Label) || knowledge.Find(best.Label) is not { } entry)
            return answer;
        if (repeatsTheLast)
        {
            if (entry.Id == answer.Entries[0].Id || best.Margin < _t.LabelledRepeatMargin) return answer;
            why.Add($"{answer.Entries[0].Id} was just read; of {topic}'s entries the labelled questions most like it were answered by {entry.Id} (log-odds {best.Margin:F1} over the next)");
            return Learned(knowledge, entry, aspect, why, [topic]) with { Inherited = true };
        }
        if (best.Margin < _t.LabelledFollowUpMargin)
        {
            why.Add($"of {topic}'s entries, the labelled questions most like it lean to {entry.Id}, not clearly enough (log-odds {best.Margin:F1})");
            return answer;
        }
        // "自己去村里报要带啥" after 12317: the rules read the hotline's entry and found it names no papers. As for a fresh
        // question (above), the look-alikes do not bring back the entry the rules declined.
        if (entry.Id == answer.DeclinedEntryId)
        {
            why.Add($"of {topic}'s entries, the labelled questions most like it were answered by {entry.Id}, which the rules found does not state what was asked (log-odds {best.Margin:F1})");
            return answer;
        }
        why.Add($"of {topic}'s entries, the labelled questions most like it were answered by {entry.Id} (log-odds {best.Margin:F1} over the next)");
        return Learned(knowledge, entry, aspect, why, [topic]) with { Inherited = true };
    }

    /// <summary>
    /// The rules took the message to continue the conversation's topic, yet among that topic's entries (and fallback,
    /// clarify) the labelled questions like it are those answered "not in the documents", or the best entry's questions
    /// used little of its wording: it is a new question, not a follow-up. Returns why, or null when it is a follow-up.
    /// </summary>
    private string? StraysFromTheTopic((string Label, double Margin, double Seen)? inTopic, string topic)
    {
        if (inTopic is not { } best) return null;
        if (best.Label == LabelledQuestion.Fallback && best.Margin >= _t.LabelledStrayFallbackMargin)
            return $"but of {topic}'s entries its labelled look-alikes are answered «not in the documents» (log-odds {best.Margin:F1}): asked afresh";
        if (!LabelledQuestion.IsReserved(best.Label) && best.Seen < _t.LabelledStraySeen)
            return $"but {topic}'s labelled questions used only {best.Seen:P0} of its wording: asked afresh";
        return null;
    }

    /// <summary>"不是低保，我问的是五保户一个月领多少": the entry is about a policy named only to say it was not meant.</summary>
    private static bool CorrectedAway(QuestionReading reading, IReadOnlyList<string> topics, PolicyEntry entry) =>
        topics.Count > 0 && CorrectionMark(reading.Folded) >= 0 && !entry.Topics.Any(topics.Contains)
        && reading.Mentions.Any(m => !topics.Contains(m.Topic) && entry.Topics.Contains(m.Topic));

    /// <summary>The entry claims the aspect or one the vocabulary calls near it (目标任务 for 金额标准).</summary>
    private static bool AnswersOrNear(CountyKnowledge knowledge, PolicyEntry entry, string aspect) =>
        entry.Aspects.Contains(aspect) || knowledge.Vocabulary.Aspect(aspect)?.Near.Any(entry.Aspects.Contains) == true;

    /// <summary>
    /// Every aspect word of the question asks a sum (not only 多少 or 几个), or asks when (几时, 几月份, 几点: not 到账 or
    /// 上半年, which tell a time rather than ask one).
    /// </summary>
    private static bool FirmlyAsked(QuestionReading reading, string aspect) => aspect switch
    {
        "金额标准" => !reading.AspectIsLoose && AsksOnlyThat(reading, aspect) && !MoneyToldNotAsked(reading.Folded),
        "时间" => AsksOnlyThat(reading, aspect) && reading.AspectCues.All(c => AskingWhen.Contains(c.Cue)),
        _ => false,
    };

    private static readonly HashSet<string> AskingWhen =
        ["什么时候", "啥时候", "么子时候", "啥时间", "什么时间", "几时", "哪天", "几月", "几月份", "哪个月", "几号", "几点", "几点钟", "啥时"];

    /// <summary>Money told, not asked: what was spent ("花了好多钱") or when it is paid ("先看病后给钱").</summary>
    private static bool MoneyToldNotAsked(string folded) => Text.WordList.AnyIn(folded, MoneyTold);

    private static readonly string[] MoneyTold = ["花了", "花钱", "后给钱", "再给钱", "后付钱", "再付钱", "后交钱", "再交钱"];

    /// <summary>How sure the labelled questions are, for the why lines.</summary>
    private static string OddsText(double margin, double seen) => $"log-odds {margin:F1} over the next, {seen:P0} of the wording seen";

    /// <summary>The rules answered a follow-up with the one entry the farmer has just read.</summary>
    private static bool RepeatsTheLast(PolicyAnswer answer, PolicyContext context) =>
        answer.Outcome == PolicyOutcome.Answer && answer.Entries.Count == 1 && answer.Entries[0].Id == context.LastEntryId;

    /// <summary>The labelled questions' best label among the topic's entries (and fallback, clarify), for a follow-up.</summary>
    private static (string Label, double Margin, double Seen)? PredictWithinTopic(CountyKnowledge knowledge, string question, string topic) =>
        knowledge.Labelled.Predict(question, label => LabelledQuestion.IsReserved(label) || knowledge.Find(label)?.Topics.Contains(topic) == true);

    /// <summary>The entry's policy is mentioned in the question, but only by hints (车祸, 花了好几万): the situation, not a name.</summary>
    private static bool OnlyHinted(QuestionReading reading, PolicyEntry entry)
    {
        var hinted = false;
        foreach (var m in reading.Mentions)
        {
            if (!entry.Topics.Contains(m.Topic)) continue;
            if (m.Tier != CueTier.Hint) return false;
            hinted = true;
        }
        return hinted;
    }

    /// <summary>Every aspect word of the question asks this aspect: its reading is not in doubt.</summary>
    private static bool AsksOnlyThat(QuestionReading reading, string aspect)
    {
        foreach (var cue in reading.AspectCues) if (cue.Aspect != aspect) return false;
        return reading.AspectCues.Count > 0;
    }

    /// <param name="named">The topics the question (or conversation) is about: of an entry with several topics, the one
    /// among them is what the conversation goes on with ("找谁办" after 按劳动能力分类帮扶 asked as 没劳力 → 兜底保障).</param>
    private static PolicyAnswer Learned(CountyKnowledge knowledge, PolicyEntry entry, string? aspect, List<string> why,
        IReadOnlyList<string>? named = null)
    {
        var asked = aspect is not null && entry.Aspects.Contains(aspect) ? aspect : null;
        var topic = named?.FirstOrDefault(entry.Topics.Contains) ?? entry.Topic;
        return Confident(knowledge, entry, AddsHow(asked) ? FollowUpKind.How : FollowUpKind.None, topic, asked, why,
            appendHow: AddsHow(asked));
    }
}
