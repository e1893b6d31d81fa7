using System.Globalization;
using System.Text;

namespace AssistBot.Knowledge.Text;

/// <summary>
/// Makes typed or voice-transcribed Chinese input comparable: trims, folds full-width to half-width, lower-cases,
/// and drops whitespace and punctuation. <see cref="ForCommand"/> also drops leading and trailing filler words
/// (那个, 嗯, 就是, 我想问下, 请问…) so "嗯 那个 取消吧" matches the command 取消.
/// </summary>
public static class TextNormalizer
{
    private static readonly string[] LeadingFillers =
    [
        "我想问一下", "我想问下", "我想咨询一下", "我想咨询", "想问一下", "想问下", "我想问", "请问一下", "请问", "麻烦问一下", "麻烦你",
        "麻烦", "问一下", "那个", "这个", "就是", "嗯嗯", "嗯", "呃", "额", "啊", "哦", "喂", "我要", "我想", "帮我", "给我",
    ];

    private static readonly string[] TrailingFillers = ["一下吧", "一下", "吧", "啊", "呀", "呢", "了", "哈", "嘛", "谢谢", "好吗", "可以吗"];

    /// <summary>Trim, full-width → half-width, lower case, no whitespace or punctuation.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = FoldWidth(raw);
            if (char.IsWhiteSpace(c) || (IsPunctuation(c) && c != '.')) continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        // Keep a dot only as a decimal point (1.5万); drop it as a full stop.
        for (var i = builder.Length - 1; i >= 0; i--)
            if (builder[i] == '.' && !(i > 0 && char.IsAsciiDigit(builder[i - 1]) && i + 1 < builder.Length && char.IsAsciiDigit(builder[i + 1])))
                builder.Remove(i, 1);
        return builder.ToString();
    }

    /// <summary>Full-width to half-width ("Ｈ１００" → "H100"), the ideographic space to a space; other characters as they are.</summary>
    public static char FoldWidth(char c) => c switch
    {
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        _ => c,
    };

    /// <summary><see cref="FoldWidth(char)"/> over a text, trimmed; keeps spaces and punctuation (for commands with arguments).</summary>
    public static string FoldWidth(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = FoldWidth(source[i]);
    }).Trim();

    /// <summary><see cref="Clean"/>, then strip filler words at the start and end (never down to nothing).</summary>
    public static string ForCommand(string? text)
    {
        var variants = Variants(text);
        return variants[^1];
    }

    /// <summary>
    /// The cleaned text and each shorter form as fillers are stripped one by one ("算了吧" → "算了吧", "算了", "算"),
    /// so a command word matches whichever form it is.
    /// </summary>
    public static IReadOnlyList<string> Variants(string? text)
    {
        var result = Clean(text);
        var variants = new List<string>(4) { result };
        bool changed;
        do
        {
            changed = false;
            foreach (var filler in LeadingFillers)
                if (result.Length > filler.Length && result.StartsWith(filler, StringComparison.Ordinal))
                {
                    result = result[filler.Length..];
                    variants.Add(result);
                    changed = true;
                }
            foreach (var filler in TrailingFillers)
                if (result.Length > filler.Length && result.EndsWith(filler, StringComparison.Ordinal))
                {
                    result = result[..^filler.Length];
                    variants.Add(result);
                    changed = true;
                }
        } while (changed);
        return variants;
    }

    /// <summary>True when any form of <paramref name="text"/> (see <see cref="Variants"/>) is one of <paramref name="words"/>.</summary>
    public static bool MatchesAny(string? text, IReadOnlySet<string> words)
    {
        foreach (var variant in Variants(text))
            if (words.Contains(variant)) return true;
        return false;
    }

    private static bool IsPunctuation(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol
            or UnicodeCategory.ModifierSymbol;
    }
}
