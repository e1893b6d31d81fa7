using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Search;

namespace AssistBot.Knowledge.Answering;

/// <summary>
/// Answers a policy question for one county: the county's entries first, then the national ones; a confident
/// answer ends with its source line; a near tie asks which topic was meant; anything else gets an honest fallback
/// naming whom to ask. Follow-ups ("详细说说", "怎么申请") continue the last topic.
/// </summary>
public sealed class PolicyAnswerer(Func<KnowledgeSnapshot> snapshot, AnswerThresholds? thresholds = null)
{
    private readonly AnswerThresholds _t = thresholds ?? AnswerThresholds.Default;

    public PolicyAnswerer(PackRegistry registry, AnswerThresholds? thresholds = null) : this(() => registry.Current, thresholds) { }

    /// <param name="countyPackId">The endpoint county's pack (County.Pack), e.g. xinfeng-2024.</param>
    /// <param name="lastTopicId">The entry the previous answer in this conversation was about, if any.</param>
    /// <param name="offeredChoiceIds">Entry ids offered by the previous clarify, so "1"/"2"/"3" pick one.</param>
    public PolicyAnswer Answer(string countyPackId, string question, string? lastTopicId = null,
        IReadOnlyList<string>? offeredChoiceIds = null)
    {
        var current = snapshot();
        if (!current.TryGet(countyPackId, out var knowledge) && current.National is not { } national)
            return Fallback();
        knowledge ??= current.National!;

        question = question?.Trim() ?? "";
        if (question.Length == 0) return new PolicyAnswer(PolicyOutcome.Fallback, PolicyTexts.EmptyQuestion, [], [], null);

        if (offeredChoiceIds is { Count: > 0 } && ChoiceNumber.TryParse(question, offeredChoiceIds.Count, out var picked)
            && knowledge.Find(offeredChoiceIds[picked]) is { } chosen)
            return Confident(knowledge, chosen, FollowUpKind.None);

        var followUp = FollowUps.Detect(question);
        var last = lastTopicId is null ? null : knowledge.Find(lastTopicId);
        if (last is not null && followUp != FollowUpKind.None && FollowUps.IsBare(knowledge.Index.Normalize(question)))
            return Confident(knowledge, last, followUp);

        var result = knowledge.Index.Search(question);
        var outcome = Classify(result);
        switch (outcome)
        {
            case PolicyOutcome.Answer:
                var entry = knowledge.Index.Entries[result.First.Entry];
                if (followUp == FollowUpKind.How && entry.How is not null) return Confident(knowledge, entry, FollowUpKind.How, appendHow: true);
                return new PolicyAnswer(PolicyOutcome.Answer, knowledge.PlainAnswers[result.First.Entry], [entry], [], entry.Id);
            case PolicyOutcome.Clarify:
                var options = new List<PolicyEntry>(3);
                for (var i = 0; i < result.Count; i++)
                    if (i == 0 || result[i].Score >= result.First.Score * Math.Min(_t.TieRatio, _t.VagueTieRatio) * 0.9f)
                        options.Add(knowledge.Index.Entries[result[i].Entry]);
                return new PolicyAnswer(PolicyOutcome.Clarify, PolicyTexts.ClarifyPrompt, options, options.Select(e => e.Title).ToList(), null);
            default:
                if (last is not null && followUp != FollowUpKind.None) return Confident(knowledge, last, followUp);
                return Fallback();
        }
    }

    /// <summary>
    /// How well the question is covered by a confidently matching entry in any county pack (0 when no pack would
    /// answer it outright) — for routers deciding whether free text is a policy question.
    /// </summary>
    public float ConfidentCoverage(string question)
    {
        if (string.IsNullOrWhiteSpace(question)) return 0;
        var best = 0f;
        foreach (var pack in snapshot().Packs)
        {
            if (pack.IsNational || !snapshot().TryGet(pack.Id, out var knowledge)) continue;
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
        var result = knowledge.Index.Search(question);
        var hits = new List<(PolicyEntry, float, float)>();
        for (var i = 0; i < result.Count; i++) hits.Add((knowledge.Index.Entries[result[i].Entry], result[i].Score, result[i].Coverage));
        return (knowledge.Index.Normalize(question), hits, Classify(result));
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

    private static PolicyAnswer Fallback() => new(PolicyOutcome.Fallback, PolicyTexts.Fallback, [], [], null);

    private static PolicyAnswer Confident(CountyKnowledge knowledge, PolicyEntry entry, FollowUpKind kind, bool appendHow = false)
    {
        var prefix = knowledge.CountyPrefixFor(entry);
        var source = PolicyTexts.SourcePrefix + entry.Source;
        var text = kind switch
        {
            FollowUpKind.Detail => entry.Detail is { } detail
                ? $"{prefix}{detail}\n{source}"
                : $"{prefix}{entry.Answer}\n\n{PolicyTexts.HowLead}{entry.How ?? PolicyTexts.GenericHow}\n{source}",
            FollowUpKind.How when appendHow && entry.How is { } how => $"{prefix}{entry.Answer}\n\n{PolicyTexts.HowLead}{how}\n{source}",
            FollowUpKind.How when appendHow => $"{prefix}{entry.Answer}\n{source}",
            FollowUpKind.How => $"{prefix}{PolicyTexts.HowLead}{entry.How ?? PolicyTexts.GenericHow}\n{source}",
            _ => $"{prefix}{entry.Answer}\n{source}",
        };
        return new PolicyAnswer(PolicyOutcome.Answer, text, [entry], [], entry.Id);
    }
}
