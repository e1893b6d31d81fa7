namespace AssistBot.Knowledge.Text;

/// <summary>Whether a text holds any of a list of words: the one check behind the many small cue lists (纠正, 比较, 分红 …).</summary>
public static class WordList
{
    /// <summary>True when <paramref name="text"/> contains one of <paramref name="words"/> (ordinal, no allocation).</summary>
    public static bool AnyIn(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words) if (text.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The first of <paramref name="words"/> (in list order) that <paramref name="text"/> contains, or null.</summary>
    public static string? FirstIn(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words) if (text.Contains(word, StringComparison.Ordinal)) return word;
        return null;
    }
}
