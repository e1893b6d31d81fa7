using System.Collections.Frozen;

namespace AssistBot.Knowledge.Search;

/// <summary>
/// Per-character folding before matching: full-width → half-width, upper → lower case, traditional characters →
/// simplified (ICU's table, CharFolding.Traditional.cs), punctuation and spaces → a separator that n-grams do not cross.
/// </summary>
internal static partial class CharFolding
{
    public const char Separator = ' ';

    private static readonly FrozenDictionary<char, char> ToSimplified = BuildMap();

    private static FrozenDictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length && i < Simplified.Length; i++)
            if (Traditional[i] != Simplified[i]) map[Traditional[i]] = Simplified[i];
        return map.ToFrozenDictionary();
    }

    public static char Fold(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E') c = (char)(c - 0xFEE0); // full-width ASCII
        else if (c == '\u3000') return Separator;
        if (c < 128)
        {
            if (c >= 'A' && c <= 'Z') return (char)(c + 32);
            if (char.IsLetterOrDigit(c) || c == '%' || c == '.') return c;
            // "雨露计划+", "2+N": a plus is read 加, as people say it and as voice input writes it.
            if (c == '+') return '加';
            return Separator;
        }
        if (IsCjk(c)) return ToSimplified.TryGetValue(c, out var s) ? s : c;
        if (c == '％') return '%';
        return char.IsLetterOrDigit(c) ? c : Separator;
    }

    public static bool IsCjk(char c) => c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF';
}
