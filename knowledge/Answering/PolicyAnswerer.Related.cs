using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>When a topic's own entries do not answer the aspect: the broader or the narrower topic's entries that do.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>
    /// "先诊疗后付费享受率有什么要求": no 先诊疗后付费 entry states a target, but the 医疗保障 entry (its parent) does and
    /// names 先诊疗后付费 — that one answers. "收入几多钱以下算监测户": no 防返贫监测 entry states a sum, but the one
    /// narrower topic that does (监测收入线) answers. Either way the entry must contain the words the farmer used for the
    /// topic; nothing when several narrower topics would, or none.
    /// </summary>
    private List<PolicyEntry>? RelatedFitting(CountyKnowledge knowledge, string topic, string aspect, bool loose, QuestionReading reading,
        List<string> why)
    {
        var vocabulary = knowledge.Vocabulary;
        var cues = reading.Mentions.Where(m => m.Topic == topic).Select(m => CueMatcher<int>.Fold(m.Cue)).ToList();
        // The other topic's entry must speak of what the farmer named, in the farmer's words.
        bool NamesIt(PolicyEntry e) => knowledge.Positions.TryGetValue(e.Id, out var at)
            && cues.Any(c => knowledge.Texts[at].Contains(c, StringComparison.Ordinal));
        if (vocabulary.Topics.FirstOrDefault(t => t.Id == topic)?.Parent is { } parent)
        {
            var broader = Fitting(knowledge, parent, aspect, loose).Where(NamesIt).ToList();
            if (broader.Count > 0)
            {
                why.Add($"topic {topic}: no entry of its own answers {aspect}; {string.Join(", ", broader.Select(e => e.Id))} of {parent} do and name it");
                return broader;
            }
        }
        var narrower = vocabulary.Topics.Where(t => t.Parent == topic)
            .Select(t => (t.Id, Entries: Fitting(knowledge, t.Id, aspect, loose).Where(NamesIt).ToList())).Where(x => x.Entries.Count > 0).ToList();
        if (narrower.Count != 1) return null;
        why.Add($"topic {topic}: no entry of its own answers {aspect}; only the narrower {narrower[0].Id} has: {string.Join(", ", narrower[0].Entries.Select(e => e.Id))}");
        return narrower[0].Entries;
    }
}
