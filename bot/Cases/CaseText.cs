using System.Text;

namespace AssistBot.Bot.Cases;

/// <summary>Text clean-up shared by the case parsers.</summary>
public static class CaseText
{
    /// <summary>Letters and digits only (full-width folded), for matching words in typed or spoken text.</summary>
    public static string Compact(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var folded = input.Normalize(NormalizationForm.FormKC);
        var buffer = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) buffer.Append(char.ToUpperInvariant(c));
        return buffer.ToString();
    }

    /// <summary>Trims, collapses runs of whitespace and cuts to <paramref name="maxLength"/> text elements.</summary>
    public static string Clean(string? input, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var collapsed = string.Join(' ', input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var info = new System.Globalization.StringInfo(collapsed);
        return info.LengthInTextElements <= maxLength ? collapsed : info.SubstringByTextElements(0, maxLength);
    }

    public static int Length(string? input) => string.IsNullOrEmpty(input) ? 0 : new System.Globalization.StringInfo(input).LengthInTextElements;
}
