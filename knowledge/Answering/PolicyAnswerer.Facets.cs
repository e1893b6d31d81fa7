using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>A broad aspect narrowed to the facet asked ("借给亲戚" asks 限制 → 用途, not 担保 or 利息).</summary>
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
        if (fitting.Count < 2 || knowledge.Vocabulary.Aspect(aspect) is not { Facets.Count: > 0 } definition) return fitting;
        List<IReadOnlyList<string>>? asked = null;
        foreach (var (a, cue, _) in reading.AspectCues)
        {
            if (a != aspect) continue;
            var folded = CueMatcher<int>.Fold(cue);
            foreach (var facet in definition.Facets)
                if (facet.Contains(folded) && !(asked ??= []).Contains(facet)) asked.Add(facet);
        }
        if (asked is null) return fitting;
        var speaking = fitting.Where(e => knowledge.Positions.TryGetValue(e.Id, out var at)
            && asked.Any(facet => facet.Any(word => knowledge.Texts[at].Contains(word, StringComparison.Ordinal)))).ToList();
        if (speaking.Count == 0 || speaking.Count == fitting.Count) return fitting;
        why.Add($"aspect {aspect} asked as «{string.Join("/", asked.Select(f => f[0]))}»: {string.Join(", ", speaking.Select(e => e.Id))} speak of it");
        return speaking;
    }
}
