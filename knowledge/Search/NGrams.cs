namespace AssistBot.Knowledge.Search;

/// <summary>Character 1-, 2- and 3-grams packed into a ulong (length in the top bits), not crossing separators.</summary>
internal static class NGrams
{
    public const int MaxOrder = 3;

    public static ulong Key(ReadOnlySpan<char> gram)
    {
        ulong key = (ulong)gram.Length << 48;
        for (var i = 0; i < gram.Length; i++) key |= (ulong)gram[i] << (16 * (gram.Length - 1 - i));
        return key;
    }

    public static int Order(ulong key) => (int)(key >> 48);

    /// <summary>Upper bound of the number of grams <see cref="Extract"/> writes for a text of this length.</summary>
    public static int MaxCount(int textLength) => textLength * MaxOrder;

    /// <summary>Writes every gram of <paramref name="text"/> (with repeats) into <paramref name="into"/>; returns the count.</summary>
    public static int Extract(ReadOnlySpan<char> text, Span<ulong> into)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == CharFolding.Separator) continue;
            for (var n = 1; n <= MaxOrder && i + n <= text.Length; n++)
            {
                if (text[i + n - 1] == CharFolding.Separator) break;
                // Single ASCII letters/digits say nothing on their own ("5", "a").
                if (n == 1 && text[i] < 128) continue;
                if (count == into.Length) return count;
                into[count++] = Key(text.Slice(i, n));
            }
        }
        return count;
    }
}
