using AssistBot.Knowledge.Search;

namespace AssistBot.Knowledge.Understanding;

/// <summary>One cue found in a question: where (in the folded text), which words, and what they stand for.</summary>
public readonly record struct CueMatch<T>(int Start, int Length, string Cue, T Value);

/// <summary>
/// Longest-match dictionary scan over folded text (the domain vocabulary as a user dictionary): at each position the
/// longest cue wins, and a cue inside a longer one is dropped, so 监测线 is not also read as 监测. Immutable; no allocation per scan
/// beyond the caller's list.
/// </summary>
public sealed class CueMatcher<T>
{
    private readonly Dictionary<char, (string Cue, T Value)[]> _byFirst;

    public CueMatcher(IEnumerable<(string Cue, T Value)> cues)
    {
        var unique = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (cue, value) in cues)
        {
            var folded = Fold(cue);
            if (folded.Length > 0) unique.TryAdd(folded, value);
        }
        _byFirst = unique.GroupBy(p => p.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value)).ToArray());
        Count = unique.Count;
    }

    public int Count { get; }

    /// <summary>
    /// The longest cue starting at each position, minus those lying inside a longer one. Partly overlapping cues are
    /// both kept (防返贫监测 and 监测线 in 防返贫监测线): the reader decides between them.
    /// </summary>
    public void Scan(ReadOnlySpan<char> folded, List<CueMatch<T>> into)
    {
        var first = into.Count;
        var coveredTo = 0;
        for (var i = 0; i < folded.Length; i++)
        {
            if (!_byFirst.TryGetValue(folded[i], out var cues)) continue;
            var rest = folded[i..];
            foreach (var (cue, value) in cues)
            {
                if (!rest.StartsWith(cue, StringComparison.Ordinal)) continue;
                // Inside the previous, longer match (监测 within 监测线): not a cue of its own.
                if (i + cue.Length <= coveredTo) break;
                into.Add(new CueMatch<T>(i, cue.Length, cue, value));
                coveredTo = i + cue.Length;
                break;
            }
        }
        _ = first;
    }

    /// <summary>Folding used for cues and questions alike: <see cref="CharFolding"/>, separators dropped.</summary>
    public static string Fold(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..Fold(text, buffer)]);
    }

    public static int Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        foreach (var raw in text)
        {
            if (n >= into.Length) break;
            var c = CharFolding.Fold(raw);
            if (c != CharFolding.Separator) into[n++] = c;
        }
        return n;
    }
}
