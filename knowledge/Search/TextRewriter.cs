namespace AssistBot.Knowledge.Search;

/// <summary>
/// Turns a question (or an entry's text) into the form the index compares: folds characters, removes filler words
/// (那个, 嗯, 我想问下) and maps colloquial terms, typos and homophones to canonical ones (信代 → 信贷,
/// 技校 → 职业教育) with longest-match-first replacement. Works in caller-provided buffers: no allocation per call.
/// </summary>
public sealed class TextRewriter
{
    private readonly Dictionary<char, Rule[]> _rulesByFirstChar;

    private readonly record struct Rule(string From, string To);

    public TextRewriter(IEnumerable<KeyValuePair<string, string>> synonyms, IEnumerable<string> fillers)
    {
        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var filler in fillers)
        {
            var key = FoldToString(filler);
            if (key.Length > 0) rules[key] = "";
        }
        foreach (var (from, to) in synonyms)
        {
            var key = FoldToString(from);
            if (key.Length > 0) rules[key] = FoldToString(to);
        }
        // A canonical term maps to itself, so a shorter variant inside it (雨露 in 雨露计划) does not rewrite it again.
        foreach (var canonical in synonyms.Select(s => FoldToString(s.Value)).Distinct().ToList())
            if (canonical.Length > 0) rules.TryAdd(canonical, canonical);
        _rulesByFirstChar = rules
            .GroupBy(r => r.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Key.Length).Select(r => new Rule(r.Key, r.Value)).ToArray());
    }

    /// <summary>Longest output for an input of <paramref name="inputLength"/> characters (replacements can grow text).</summary>
    public static int MaxOutputLength(int inputLength) => inputLength * 4 + 16;

    /// <summary>Rewrites <paramref name="input"/> into <paramref name="output"/>; returns the length written.</summary>
    public int Rewrite(ReadOnlySpan<char> input, Span<char> output, Span<char> scratch)
    {
        // Pass 1: fold characters and collapse separators.
        var folded = 0;
        foreach (var raw in input)
        {
            if (folded >= scratch.Length) break;
            var c = CharFolding.Fold(raw);
            if (c == CharFolding.Separator && (folded == 0 || scratch[folded - 1] == CharFolding.Separator)) continue;
            scratch[folded++] = c;
        }
        var text = scratch[..folded];

        // Pass 2: longest-match replacement of fillers and synonyms.
        var written = 0;
        var i = 0;
        while (i < text.Length && written < output.Length)
        {
            var matched = false;
            if (_rulesByFirstChar.TryGetValue(text[i], out var rules))
            {
                var rest = text[i..];
                foreach (var rule in rules)
                {
                    if (!rest.StartsWith(rule.From, StringComparison.Ordinal)) continue;
                    var room = Math.Min(rule.To.Length, output.Length - written);
                    rule.To.AsSpan(0, room).CopyTo(output[written..]);
                    written += room;
                    i += rule.From.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched) output[written++] = text[i++];
        }
        return written;
    }

    /// <summary>Convenience for index building and tests (allocates).</summary>
    public string Rewrite(string input)
    {
        var output = new char[MaxOutputLength(input.Length)];
        var scratch = new char[input.Length + 1];
        var n = Rewrite(input, output, scratch);
        return new string(output, 0, n).Trim();
    }

    private static string FoldToString(string s)
    {
        var chars = new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            var f = CharFolding.Fold(c);
            if (f == CharFolding.Separator && (n == 0 || chars[n - 1] == CharFolding.Separator)) continue;
            chars[n++] = f;
        }
        return new string(chars, 0, n).Trim();
    }
}
