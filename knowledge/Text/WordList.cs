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
}
