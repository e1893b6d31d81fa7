namespace AssistBot.Bot.Text;

/// <summary>
/// Which of a list of labels the user meant: the number ("1", "一", "第一个", "选2"), the label or a synonym,
/// or a close variant (the label inside a longer sentence, part of the label, or the label with one wrong character).
/// Returns null when nothing matches or two choices match equally well.
/// </summary>
public static class ChoiceRecognizer
{
    public static (int Index, double Score, string? Synonym)? Recognize(string? text, IReadOnlyList<IReadOnlyList<string>> choiceLabels)
    {
        var variants = TextNormalizer.Variants(text);
        if (variants[0].Length == 0 || choiceLabels.Count == 0) return null;

        // 1. the label or a synonym, exactly
        for (var i = 0; i < choiceLabels.Count; i++)
            foreach (var label in choiceLabels[i])
            {
                var clean = TextNormalizer.Clean(label);
                if (clean.Length > 0 && variants.Contains(clean)) return (i, 1.0, label == choiceLabels[i][0] ? null : label);
            }

        // 2. the number of the choice
        foreach (var variant in variants)
            if (ParseIndex(variant) is { } number && number >= 1 && number <= choiceLabels.Count)
                return (number - 1, 1.0, null);

        // 3. close variants, best score wins; a tie is ambiguous
        var input = variants[^1];
        (int Index, double Score, string? Synonym)? best = null;
        var tie = false;
        for (var i = 0; i < choiceLabels.Count; i++)
            foreach (var label in choiceLabels[i])
            {
                var score = Similarity(input, TextNormalizer.Clean(label));
                if (score <= 0) continue;
                if (best is null || score > best.Value.Score)
                {
                    best = (i, score, label == choiceLabels[i][0] ? null : label);
                    tie = false;
                }
                else if (score == best.Value.Score && best.Value.Index != i) tie = true;
            }
        return tie ? null : best;
    }

    /// <summary>"1", "一", "第一个", "第1项", "1号", "选2", "选第二个" → the 1-based number.</summary>
    public static int? ParseIndex(string cleaned)
    {
        var s = cleaned;
        foreach (var prefix in new[] { "选择", "选", "要", "第" })
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length) s = s[prefix.Length..];
        if (s.StartsWith('第') && s.Length > 1) s = s[1..];
        foreach (var suffix in new[] { "个", "项", "号", "条", "种", "类", "种情况" })
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length) { s = s[..^suffix.Length]; break; }
        if (s.Length > 3) return null;
        var value = ChineseNumberRecognizer.RecognizeExact(s);
        return value is { } v && v == decimal.Truncate(v) && v is > 0 and < 100 ? (int)v : null;
    }

    private static double Similarity(string input, string label)
    {
        if (input.Length == 0 || label.Length == 0) return 0;
        if (label.Length >= 2 && input.Contains(label, StringComparison.Ordinal)) return 0.9 + 0.001 * label.Length;
        if (input.Length >= 2 && label.Contains(input, StringComparison.Ordinal)) return 0.8 + 0.001 * input.Length;
        if (label.Length >= 2 && Math.Abs(input.Length - label.Length) <= 1 && EditDistance(input, label) <= 1) return 0.7;
        return 0;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
