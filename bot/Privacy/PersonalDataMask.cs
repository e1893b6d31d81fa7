using System.Diagnostics.CodeAnalysis;
using System.Text;
using AssistBot.Bot.Cases;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Privacy;

/// <summary>How personal data is shown to people and written to logs.</summary>
public static partial class PersonalDataMask
{
    /// <summary>身份证号: first 6 and last 4 kept, e.g. 360722********0012.</summary>
    public static string IdNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        return v.Length <= 10 ? new string('*', v.Length) : string.Concat(v.AsSpan(0, 6), new string('*', v.Length - 10), v.AsSpan(v.Length - 4));
    }

    /// <summary>A person's name: the first character kept, e.g. 张* / 欧*** (the surname says little on its own).</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var v = value.Trim();
        var first = char.IsHighSurrogate(v[0]) && v.Length > 1 ? 2 : 1;
        return string.Concat(v.AsSpan(0, first), new string('*', Math.Max(1, new System.Globalization.StringInfo(v).LengthInTextElements - 1)));
    }

    /// <summary>
    /// <see cref="Text(string?)"/>, and every occurrence of the given names (e.g. the household head's, known from
    /// the record) masked with <see cref="Name"/>. Other names in free text cannot be told apart from words.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Text(string? text, params string?[] names)
    {
        var masked = Text(text);
        if (string.IsNullOrEmpty(masked)) return masked;
        foreach (var name in names)
            if (name?.Trim() is { Length: > 1 } n) masked = masked.Replace(n, Name(n), StringComparison.Ordinal);
        return masked;
    }

    /// <summary>Phone: mobile 139****4321 (first 3, last 4); a short or landline number keeps its last 4 only.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Trim();
        if (v.Length == 11 && v[0] == '1') return string.Concat(v.AsSpan(0, 3), "****", v.AsSpan(7));
        return v.Length <= 4 ? new string('*', v.Length) : string.Concat(new string('*', v.Length - 4), v.AsSpan(v.Length - 4));
    }

    /// <summary>
    /// A name the writer gave for themselves or a family member ("我叫王秀兰", "户主叫张三", "姓名李四") → "某某"; for
    /// texts kept for review (questions the bot missed), after <see cref="Text"/>. Only these unambiguous lead-ins count:
    /// "我是脱贫户" or "户主是残疾人" stay as written.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Names(string? text) =>
        string.IsNullOrEmpty(text) ? text : NamePattern().Replace(text, m => m.Groups[1].Value + "某某");

    [System.Text.RegularExpressions.GeneratedRegex(@"(我叫|名叫|姓名是?|名字是?|户主叫)[：: ]?[\u4e00-\u9fa5]{2,3}(?=[，。,.!！?？ ]|$|的|家|今年|身份证|电话|手机)")]
    private static partial System.Text.RegularExpressions.Regex NamePattern();

    /// <summary>
    /// Free text with every ID number and mobile number in it masked, wherever it stands in the text: "我身份证
    /// 360722199001010012" → "我身份证360722********0012", "电话139 7971 2345" / "+86 139-7971-2345" / "手机：１３９７９７１２３４５"
    /// → "…139****2345". This is the one place that decides what counts: digits of any width (and spoken digits), in
    /// groups joined by spaces or dashes, that together form what <see cref="Cases.IdNumber.IsPlausible"/> (18 or 15
    /// characters) or <see cref="PhoneNumber.IsMobile"/> (11 digits, optionally after 86) accept. Amounts, dates, case
    /// and loan numbers stay as written. Masked text passes through unchanged, so masking twice is harmless.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Text(string? text) => Scan(text, dropIdNumbers: false);

    /// <summary>
    /// <see cref="Text(string?)"/>, but every ID number is taken out altogether rather than masked: for text leaving the
    /// service to a third party (a WeChat 订阅通知 field), where even a masked ID number identifies a person.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? TextWithoutIdNumbers(string? text) => Scan(text, dropIdNumbers: true);

    [return: NotNullIfNotNull(nameof(text))]
    private static string? Scan(string? text, bool dropIdNumbers)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var digitCount = 0;
        foreach (var c in text)
            if (Digit(c) >= 0) digitCount++;
        if (digitCount < 11) return text;

        StringBuilder? result = null;
        var copied = 0;
        var groups = new List<(int Start, int End, string Digits)>();
        var i = 0;
        while (i < text.Length)
        {
            // One run: digit groups joined by short separators.
            groups.Clear();
            while (i < text.Length && Digit(text[i]) < 0) i++;
            while (i < text.Length && Digit(text[i]) >= 0)
            {
                var start = i;
                var digits = new StringBuilder();
                while (i < text.Length && Digit(text[i]) >= 0) digits.Append((char)('0' + Digit(text[i++])));
                // The check character X closes an ID number's group.
                if (i < text.Length && text[i] is 'X' or 'x' or 'Ｘ' or 'ｘ' && digits.Length == 17 && !IsLetterOrDigitAt(text, i + 1))
                {
                    digits.Append('X');
                    i++;
                }
                groups.Add((start, i, digits.ToString()));
                var gap = i;
                while (gap < text.Length && gap - i < 3 && IsSeparator(text[gap])) gap++;
                if (gap == i || gap >= text.Length || Digit(text[gap]) < 0) break;
                i = gap;
            }
            if (groups.Count == 0) break;

            for (var g = 0; g < groups.Count;)
            {
                var match = Match(groups, g, text, dropIdNumbers);
                if (match is not { } m)
                {
                    g++;
                    continue;
                }
                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, groups[g].Start - copied).Append(m.Masked);
                copied = groups[m.LastGroup].End;
                g = m.LastGroup + 1;
            }
        }
        if (result is null) return text;
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The longest ID number or mobile number formed by the groups from <paramref name="first"/> on.</summary>
    private static (int LastGroup, string Masked)? Match(List<(int Start, int End, string Digits)> groups, int first, string text, bool dropIdNumbers)
    {
        (int, string)? best = null;
        var joined = "";
        for (var g = first; g < groups.Count; g++)
        {
            joined += groups[g].Digits;
            if (joined.Length > 18) break;
            if (Cases.IdNumber.IsPlausible(joined)) best = (g, dropIdNumbers ? "" : IdNumber(joined.ToUpperInvariant()));
            else if (PhoneNumber.IsMobile(joined) && !IsAmount(text, groups[g].End)) best = (g, Phone(joined));
            else if (joined.Length == 13 && joined.StartsWith("86", StringComparison.Ordinal) && PhoneNumber.IsMobile(joined.AsSpan(2))
                     && !IsAmount(text, groups[g].End))
                best = (g, "86" + Phone(joined[2..]));
        }
        return best;
    }

    /// <summary>An ASCII, full-width, Chinese or spoken digit's value, else -1 (the one digit table).</summary>
    private static int Digit(char c) => ChineseDigits.Digit(c);

    private static bool IsSeparator(char c) => c is ' ' or '\u3000' or '-' or '－' or '—' or '–' or '‐' or '\u00a0';

    private static bool IsLetterOrDigitAt(string text, int index) =>
        index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || Digit(text[index]) >= 0);

    /// <summary>A number followed by a money unit (13000000000元) is an amount, not a phone number.</summary>
    private static bool IsAmount(string text, int end)
    {
        while (end < text.Length && text[end] == ' ') end++;
        return end < text.Length && text[end] is '元' or '块' or '万' or '亿' or '角';
    }
}
