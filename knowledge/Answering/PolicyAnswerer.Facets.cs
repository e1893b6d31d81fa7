using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>
/// Entries narrowed to what the question names: the facet of a broad aspect ("借给亲戚" asks 限制 → 用途, not 担保 or
/// 利息), the one entry naming every policy word asked, the entry whose title names a word of the question.
/// </summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// Of the entries that claim <paramref name="aspect"/>, those that speak of the facet the question's aspect words
    /// belong to; all of them when the words name no facet or no entry speaks of it. An entry claiming 限制 because it
    /// says 免担保 must not answer what the loan may be used for.
    /// </summary>
    private static List<PolicyEntry> OnTheAskedFacet(CountyKnowledge knowledge, List<PolicyEntry> fitting, QuestionReading reading,
        string aspect, List<string> why)
    {
        if (fitting.Count < 2 || AskedFacets(knowledge, reading, aspect) is not { } asked) return fitting;
        var speaking = fitting.Where(e => SpeaksOf(knowledge, e, asked)).ToList();
        if (speaking.Count == 0 || speaking.Count == fitting.Count) return fitting;
        why.Add($"aspect {aspect} asked as «{string.Join("/", asked.Select(f => f[0]))}»: {string.Join(", ", speaking.Select(e => e.Id))} speak of it");
        return speaking;
    }

    /// <summary>The facets of <paramref name="aspect"/> the question's aspect words belong to ("带么子" → 材料); null when none.</summary>
    private static List<IReadOnlyList<string>>? AskedFacets(CountyKnowledge knowledge, QuestionReading reading, string aspect)
    {
        if (knowledge.Vocabulary.Aspect(aspect) is not { Facets.Count: > 0 } definition) return null;
        // Index loops and a cue folded in place: this runs for every answer of an aspect with facets, so nothing is
        // allocated unless a facet is asked.
        List<IReadOnlyList<string>>? asked = null;
        Span<char> buffer = stackalloc char[32];
        var cues = reading.AspectCues;
        for (var c = 0; c < cues.Count; c++)
        {
            var (a, cue, _) = cues[c];
            if (a != aspect || cue.Length > buffer.Length) continue;
            var folded = buffer[..CueMatcher<int>.Fold(cue, buffer)];
            for (var f = 0; f < definition.Facets.Count; f++)
                if (HasWord(definition.Facets[f], folded) && !(asked ??= []).Contains(definition.Facets[f])) asked.Add(definition.Facets[f]);
        }
        return asked;
    }

    private static bool HasWord(IReadOnlyList<string> words, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < words.Count; i++) if (word.SequenceEqual(words[i])) return true;
        return false;
    }

    private static bool SpeaksOf(CountyKnowledge knowledge, PolicyEntry entry, List<IReadOnlyList<string>> facets)
    {
        if (!knowledge.Positions.TryGetValue(entry.Id, out var at)) return false;
        var text = knowledge.Texts[at];
        foreach (var facet in facets)
            foreach (var word in facet)
                if (text.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// "要带么子去" after an entry that names no papers: the facet asked is not in it, so it is not the one to answer
    /// again. False when the question asks no facet of the aspect, or the entry speaks of it.
    /// </summary>
    private static bool SilentOnTheAskedFacet(CountyKnowledge knowledge, PolicyEntry entry, QuestionReading reading, string aspect) =>
        AskedFacets(knowledge, reading, aspect) is { } asked && !SpeaksOf(knowledge, entry, asked);

    /// <summary>
    /// The one entry whose title or keywords name every topic word of the question, each as part of a single name
    /// ("第一书记培训" names both 第一书记 and 培训); null when none or several do, or it does not answer the aspect.
    /// </summary>
    private static PolicyEntry? NamingEveryCue(CountyKnowledge knowledge, QuestionReading reading, string? aspect, bool loose)
    {
        var cues = reading.Mentions.Select(m => m.Cue).Distinct().ToList();
        // "低保怎么申请？特困又是咋回事？" asks one thing of each: two questions, not one thing named by both.
        if (cues.Count < 2 || reading.TopicAspects.Values.Distinct().Count() > 1) return null;
        PolicyEntry? found = null;
        foreach (var entry in knowledge.Index.Entries)
        {
            if (!NamesAll(entry.Title, cues) && !entry.Keywords.Any(k => NamesAll(k, cues))) continue;
            if (found is not null) return null;
            found = entry;
        }
        return found is not null && (aspect is null || aspect == WhatIsIt || Answers(knowledge, found, aspect, loose)) ? found : null;
    }

    private static bool NamesAll(string name, List<string> cues) => cues.All(c => name.Contains(c, StringComparison.Ordinal));

    /// <summary>
    /// A pair of the question's own words that the title of exactly one of the topic's entries names, while none of the
    /// entries claiming the aspect says it anywhere: the farmer asks about that entry's subject. Titles only: a keyword
    /// (劳力 of 无劳动力) is a way of asking, not what the entry is about.
    /// </summary>
    private static (PolicyEntry Entry, string Pair)? NamedOnlyByAnother(CountyKnowledge knowledge, List<PolicyEntry> candidates,
        List<PolicyEntry> fitting, QuestionReading reading)
    {
        var rest = reading.Rest;
        for (var i = 0; i + 1 < rest.Length; i++)
        {
            if (rest[i] == ' ' || rest[i + 1] == ' ') continue;
            var pair = rest.AsSpan(i, 2);
            PolicyEntry? naming = null;
            var several = false;
            foreach (var e in candidates)
            {
                if (!knowledge.Positions.TryGetValue(e.Id, out var at) || TitleOf(knowledge.Labels[at]).IndexOf(pair, StringComparison.Ordinal) < 0) continue;
                several = naming is not null;
                naming = e;
                if (several) break;
            }
            if (naming is null || several || fitting.Contains(naming)) continue;
            var saidByFitting = false;
            foreach (var e in fitting)
                if (knowledge.Positions.TryGetValue(e.Id, out var at) && knowledge.Texts[at].AsSpan().IndexOf(pair, StringComparison.Ordinal) >= 0)
                { saidByFitting = true; break; }
            if (!saidByFitting) return (naming, pair.ToString());
        }
        return null;
    }

    /// <summary>The folded title at the head of an entry's label (title|keyword|keyword…).</summary>
    private static ReadOnlySpan<char> TitleOf(string label)
    {
        var bar = label.IndexOf('|');
        return bar < 0 ? label : label.AsSpan(0, bar);
    }
}
