using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>"房子的事找哪个", "保险的事想问一下": an area of life, no policy named — which one is meant is asked.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// The question names no policy but an area several policies cover (<see cref="Vocabulary.Areas"/>): a numbered
    /// choice of their entries (those answering the aspect asked, when some do), the county's own first. Null when the
    /// question names a policy, or no area, or the county has fewer than two entries for it.
    /// </summary>
    private static PolicyAnswer? AskWhichOfTheArea(CountyKnowledge knowledge, QuestionReading reading, List<string> why)
    {
        // The checks every question passes come first, in a method of their own: the lambdas below capture the
        // parameters, which would allocate on every call.
        if (reading.Topics.Count > 0 || AreaNamed(knowledge.Vocabulary, reading.Folded) is not { } area) return null;
        return AskWhichOf(area, knowledge, reading, why);
    }

    private static PolicyAnswer? AskWhichOf(PolicyArea area, CountyKnowledge knowledge, QuestionReading reading, List<string> why)
    {
        var perTopic = area.Topics
            .Select(topic => OwnFirst(knowledge, reading.Aspect is { } aspect && Fitting(knowledge, topic, aspect, reading.AspectIsLoose) is { Count: > 0 } fitting
                ? fitting : OfTheArea(knowledge, topic)))
            .Where(list => list.Count > 0).ToList();
        // One entry of each policy first, then the next of each, up to the usual number of choices.
        var options = new List<PolicyEntry>(MaxParts);
        for (var round = 0; options.Count < MaxParts && perTopic.Any(list => list.Count > round); round++)
            foreach (var list in perTopic)
                if (list.Count > round && options.Count < MaxParts && !options.Contains(list[round])) options.Add(list[round]);
        if (options.Count < 2) return null;
        why.Add($"no policy named, but «{area.Words.First(w => reading.Folded.Contains(w, StringComparison.Ordinal))}», which {string.Join(", ", area.Topics)} cover: asking which one");
        return Clarify(options, null, reading.Aspect, knowledge, why) with { Reading = reading };
    }

    private static PolicyArea? AreaNamed(Vocabulary vocabulary, string folded)
    {
        foreach (var area in vocabulary.Areas)
            foreach (var word in area.Words)
                if (folded.Contains(word, StringComparison.Ordinal)) return area;
        return null;
    }

    /// <summary>
    /// The topic's entries, or, where the county has none, those keyed by the policy's name (信丰's 防返贫保险 is part
    /// of its entry on helping monitored households); a farmer's entries only, when there are some.
    /// </summary>
    private static List<PolicyEntry> OfTheArea(CountyKnowledge knowledge, string topic)
    {
        var entries = Candidates(knowledge, topic);
        if (entries.Count == 0 && knowledge.Vocabulary.Topic(topic) is { } definition)
        {
            var names = definition.Cues.Where(c => c.Tier == CueTier.Name && c.Cue.Length >= 3).Select(c => c.Cue).ToList();
            entries = [.. knowledge.Index.Entries.Where(e => e.Keywords.Any(names.Contains))];
        }
        // A farmer's entries are offered before cadres' (督导考核 is no answer to "保险的事").
        return entries.Exists(e => e.Audience == Audiences.Farmer) ? entries.FindAll(e => e.Audience == Audiences.Farmer) : entries;
    }

    private static List<PolicyEntry> OwnFirst(CountyKnowledge knowledge, List<PolicyEntry> entries) =>
        [.. entries.OrderBy(e => e.PackId == knowledge.Pack.Id ? 0 : 1)];
}
