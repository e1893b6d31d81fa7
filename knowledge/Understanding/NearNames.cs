namespace AssistBot.Knowledge.Understanding;

/// <summary>
/// Policy names (five characters or more; four gave confident wrong answers) found with one character wrong — a voice transcription's homophone or a
/// typo (危房改照 → 危房改造, 自主申爆 → 自主申报). Only a back-off for a question in which no topic word was found. A
/// name with one character changed keeps its first two or its last two characters, so candidates are looked up by
/// those and compared; the longest name found wins.
/// </summary>
internal sealed class NearNames
{
    private const int MinChars = 5;

    private readonly Dictionary<string, List<(string Cue, string Topic)>> _byHead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Cue, string Topic)>> _byTail = new(StringComparer.Ordinal);

    public NearNames(IEnumerable<(string Cue, string Topic)> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cue, topic) in names)
        {
            var folded = CueMatcher<int>.Fold(cue);
            if (folded.Length < MinChars || !seen.Add(folded)) continue;
            Add(_byHead, folded[..2], (folded, topic));
            Add(_byTail, folded[^2..], (folded, topic));
        }
    }

    public (int Start, int Length, string Cue, string Topic)? Find(ReadOnlySpan<char> text)
    {
        // Looked up by span: no string per position of the question.
        var byHead = _byHead.GetAlternateLookup<ReadOnlySpan<char>>();
        var byTail = _byTail.GetAlternateLookup<ReadOnlySpan<char>>();
        (int Start, int Length, string Cue, string Topic)? best = null;
        for (var i = 0; i + MinChars <= text.Length; i++)
        {
            if (byHead.TryGetValue(text.Slice(i, 2), out var heads))
                foreach (var (cue, topic) in heads)
                    if (i + cue.Length <= text.Length && OneOff(text.Slice(i, cue.Length), cue) && (best is null || cue.Length > best.Value.Length))
                        best = (i, cue.Length, cue, topic);
            if (byTail.TryGetValue(text.Slice(i + MinChars - 2, 2), out var tails))
                foreach (var (cue, topic) in tails)
                {
                    var start = i + MinChars - cue.Length;
                    if (start >= 0 && OneOff(text.Slice(start, cue.Length), cue) && (best is null || cue.Length > best.Value.Length))
                        best = (start, cue.Length, cue, topic);
                }
        }
        return best;
    }

    /// <summary>Exactly one character differs, and it is a Chinese character (not a digit or a letter).</summary>
    private static bool OneOff(ReadOnlySpan<char> said, string cue)
    {
        var diff = 0;
        for (var i = 0; i < cue.Length; i++)
            if (said[i] != cue[i] && (++diff > 1 || !Search.CharFolding.IsCjk(said[i]))) return false;
        return diff == 1;
    }

    private static void Add(Dictionary<string, List<(string, string)>> map, string key, (string, string) value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
