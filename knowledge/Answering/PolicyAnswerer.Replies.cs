using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Search;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>The replies: one entry, several parts, numbered choices, the honest fallbacks.</summary>
public sealed partial class PolicyAnswerer
{
    /// <param name="detail">What was asked, in the farmer's terms, when no aspect names it (联系电话).</param>
    private static PolicyAnswer DetailMissing(CountyKnowledge knowledge, string topic, string? aspect, List<string> why, string? figure = null,
        string? year = null, string? detail = null)
    {
        var label = detail ?? (year is not null ? $"{year}的情况" : figure is not null ? $"“{figure}”这个数"
            : aspect is null ? "这一点" : knowledge.Vocabulary.Aspect(aspect)?.Label ?? aspect);
        var titles = Candidates(knowledge, topic).Take(3).Select(e => e.Title).ToList();
        if (figure is null && year is null && detail is null) why.Add($"topic {topic}: no entry answers {aspect ?? "this"}; saying so (no other aspect's figure)");
        return new PolicyAnswer(PolicyOutcome.Fallback, PolicyTexts.DetailNotInDocuments(topic, label, Scope(knowledge), titles), [], [], null)
            { Topic = topic, Aspect = aspect, County = knowledge.Pack.County, Why = why };
    }

    private static string Scope(CountyKnowledge knowledge) => PolicyTexts.Scope(knowledge.Pack.CountyName, knowledge.Pack.EffectiveFrom);

    private static PolicyAnswer Clarify(List<PolicyEntry> options, string? topic, string? aspect, CountyKnowledge knowledge, List<string> why) =>
        new(PolicyOutcome.Clarify, PolicyTexts.ClarifyPrompt, options, options.Select(e => e.Title).ToList(), null)
            { Topic = topic, Aspect = aspect, County = knowledge.Pack.County, Why = why };

    /// <summary>At most this many policies answered in one reply; more are rare and would make a wall of text.</summary>
    private const int MaxParts = 3;

    /// <summary>Several policies in one question: one numbered part each, with its own source line.</summary>
    private static PolicyAnswer Several(CountyKnowledge knowledge, List<PolicyEntry> entries, string topic, string? aspect, IReadOnlyList<string> why)
    {
        var parts = entries.Select((e, i) => PolicyTexts.Part(i + 1, e.Title, knowledge.CountyPrefixFor(e), e.Answer, e.Source));
        return new PolicyAnswer(PolicyOutcome.Answer, string.Join("\n\n", parts), entries, [], entries[0].Id)
            { Topic = topic, Aspect = aspect, County = knowledge.Pack.County, Why = why };
    }

    private static PolicyAnswer Fallback(QuestionReading? reading, IReadOnlyList<string> why) =>
        new(PolicyOutcome.Fallback, PolicyTexts.Fallback, [], [], null) { Reading = reading, Why = why };

    private static PolicyAnswer Confident(CountyKnowledge knowledge, PolicyEntry entry, FollowUpKind kind, string? topic, string? aspect,
        IReadOnlyList<string> why, bool appendHow = false)
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
        return new PolicyAnswer(PolicyOutcome.Answer, text, [entry], [], entry.Id)
            { Topic = topic ?? entry.Topic, Aspect = aspect, County = knowledge.Pack.County, Why = why };
    }
}
