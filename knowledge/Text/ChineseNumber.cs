namespace AssistBot.Knowledge.Text;

/// <summary>
/// The one reader of numbers in Chinese or Arabic numerals, as farmers type or dictate them: "三口人" = 3, "六千五" = 6500,
/// "2万" = 20000, "1.5万" = 15000, "1万2" = 12000, "大概五千" = 5000, "一百零五" = 105, "两万三" = 23000, "三个半" = 3.5,
/// "１２" (full-width) = 12, "6,500" = 6500, "肆仟伍佰" = 4500. Money and counts only: no dates, no negative numbers.
/// A rough range ("五六千", "三四口人") is never read as one number (56,000 or 34): <see cref="TryParseRange"/> reads
/// it, and each caller decides what a range means for it.
/// </summary>
public static class ChineseNumber
{
    // Words that contain a numeral but do not mean a number ("一共三口人" is 3, not 1).
    private static readonly string[] NonNumberWords =
    [
        "一共", "一下", "一起", "一样", "一般", "一直", "一些", "一定", "一切", "一致", "一旦", "一点儿", "一会", "一边", "一家",
        "一户", "一个月", "一年", "一天", "一周", "一季度", "统一", "唯一", "万一", "一年四季", "十分", "百分之百", "不一定", "第一时间",
    ];

    /// <summary>The first number in <paramref name="text"/>, or null.</summary>
    public static decimal? Recognize(string? text)
    {
        foreach (var token in Tokens(Prepare(text)))
            if (ParseToken(token) is { } value) return value;
        return null;
    }

    /// <summary>The number when <paramref name="text"/> is nothing but a number (e.g. "3", "三", "二十"), else null.</summary>
    public static decimal? RecognizeExact(string? text)
    {
        var s = TextNormalizer.Clean(text);
        if (s.Length == 0 || !CanStart(s[0])) return null;
        return TokenEnd(s, 0) == s.Length ? ParseToken(s) : null;
    }

    /// <summary>
    /// The one number in a sentence ("家里有五口人", "去年收入大概六千五左右吧"). False when there is none, when there
    /// are several (which one was meant?) and for a rough range ("五六千": see <see cref="TryParseRange"/>).
    /// </summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        var tokens = Tokens(Prepare(text)).Take(2).ToList();
        if (tokens.Count != 1 || ParseToken(tokens[0]) is not { } number) return false;
        value = number;
        return true;
    }

    /// <summary>
    /// A rough range as people say it: two neighbouring digits, then units only — "五六千" (5,000–6,000), "两三万",
    /// "一两千", "七八百块", "三四口人" (3–4). Arabic digits are not ranges ("56" is fifty-six).
    /// </summary>
    public static bool TryParseRange(string? text, out decimal low, out decimal high)
    {
        low = high = 0;
        foreach (var token in Tokens(Prepare(text)))
        {
            if (token.Length < 2 || char.IsAsciiDigit(token[0]) || char.IsAsciiDigit(token[1])) continue;
            var (first, second) = (ChineseDigits.AmountDigit(token[0]), ChineseDigits.AmountDigit(token[1]));
            if (first < 1 || second != first + 1) continue;
            decimal unit = 1;
            var unitsOnly = true;
            foreach (var c in token.AsSpan(2))
            {
                var value = SmallUnitValue(c) ?? BigUnitValue(c);
                if (value is null) { unitsOnly = false; break; }
                unit *= value.Value;
            }
            if (!unitsOnly) continue;
            (low, high) = (first * unit, second * unit);
            return true;
        }
        return false;
    }

    /// <summary>A character that is part of a written number: a digit (any form) or a unit (十百千万亿).</summary>
    public static bool IsNumeral(char c) => ChineseDigits.AmountDigit(c) >= 0 || SmallUnitValue(c) is not null || BigUnitValue(c) is not null;

    private static string Prepare(string? text)
    {
        var s = TextNormalizer.Clean(text);
        foreach (var word in NonNumberWords)
            if (s.Contains(word, StringComparison.Ordinal)) s = s.Replace(word, "|", StringComparison.Ordinal);
        return s;
    }

    /// <summary>Each run of numerals in prepared text, left to right.</summary>
    private static IEnumerable<string> Tokens(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!CanStart(s[i])) continue;
            var end = TokenEnd(s, i);
            yield return s[i..end];
            i = end - 1;
        }
    }

    private static bool CanStart(char c) => ChineseDigits.AmountDigit(c) >= 0 || c is '十' or '拾';

    private static bool IsDigit(char c) => ChineseDigits.AmountDigit(c) >= 0;

    private static int TokenEnd(string s, int start)
    {
        var i = start;
        while (i < s.Length)
        {
            var c = s[i];
            if (IsNumeral(c)) { i++; continue; }
            // a decimal point between numerals: 1.5万, 三点五
            if ((c == '.' || c == '点') && i > start && i + 1 < s.Length && IsDigit(s[i + 1]))
            {
                i++;
                continue;
            }
            if (c == '半' && i > start) return i + 1;
            if (c == '个' && i + 1 < s.Length && s[i + 1] == '半') return i + 2;
            break;
        }
        return i;
    }

    /// <summary>Parses one run of numerals (Chinese, Arabic or mixed); null when it holds no digit.</summary>
    internal static decimal? ParseToken(string token)
    {
        var half = false;
        if (token.EndsWith("个半", StringComparison.Ordinal)) { half = true; token = token[..^2]; }
        else if (token.EndsWith('半')) { half = true; token = token[..^1]; }
        if (token.Length == 0) return null;

        decimal total = 0, section = 0;
        decimal? pending = null;
        var pendingIsSingleDigit = false;
        var lastUnit = 1m;
        var zeroSinceUnit = false;
        var sawDigit = false;

        var i = 0;
        while (i < token.Length)
        {
            var c = token[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < token.Length && (char.IsAsciiDigit(token[i]) || (token[i] == '.' && i + 1 < token.Length && char.IsAsciiDigit(token[i + 1]))))
                    i++;
                if (!decimal.TryParse(token.AsSpan(start, i - start), System.Globalization.NumberStyles.AllowDecimalPoint,
                        System.Globalization.CultureInfo.InvariantCulture, out var literal)) return null;
                pending = literal;
                pendingIsSingleDigit = i - start == 1;
                sawDigit = true;
                continue;
            }
            if (c == '点' || c == '.')
            {
                // Chinese decimal: 三点五 = 3.5 (digits after the point are read one by one)
                var fraction = 0m;
                var scale = 0.1m;
                i++;
                while (i < token.Length && DigitValue(token[i]) is { } d)
                {
                    fraction += d * scale;
                    scale /= 10;
                    i++;
                }
                pending = (pending ?? 0) + fraction;
                pendingIsSingleDigit = false;
                continue;
            }
            if (DigitValue(c) is { } digit)
            {
                sawDigit = true;
                if (digit == 0)
                {
                    zeroSinceUnit = true;
                    if (pending is not null && !pendingIsSingleDigit && lastUnit == 1) pending *= 10; // 二〇二四
                    else if (pending is not null && lastUnit == 1) { pending *= 10; pendingIsSingleDigit = false; }
                    i++;
                    continue;
                }
                // 三四口人, 五六千: two neighbouring digits are a rough range, not a number; let the prompt ask again.
                if (pending is { } previous && pendingIsSingleDigit && digit == previous + 1) return null;
                // other consecutive digits without a unit read as a digit string: 二零二四
                if (pending is not null && lastUnit == 1 && section == 0 && total == 0)
                {
                    pending = pending * 10 + digit;
                    pendingIsSingleDigit = false;
                }
                else
                {
                    pending = digit;
                    pendingIsSingleDigit = true;
                }
                i++;
                continue;
            }
            if (SmallUnitValue(c) is { } unit)
            {
                var multiplier = pending ?? (unit == 10 ? 1 : 0);
                sawDigit = true;
                if (pending is null && unit != 10 && section == 0 && total == 0) return null;
                section += multiplier * unit;
                pending = null;
                lastUnit = unit;
                zeroSinceUnit = false;
                i++;
                continue;
            }
            if (BigUnitValue(c) is { } big)
            {
                var value = section + (pending ?? 0);
                if (value == 0 && total == 0) return null;
                if (big > 10_000m) total = (total + value) * big;
                else total += value * big;
                section = 0;
                pending = null;
                lastUnit = big;
                zeroSinceUnit = false;
                i++;
                continue;
            }
            return null;
        }
        if (!sawDigit && section == 0) return null;

        var result = total + section;
        if (pending is { } tail)
        {
            // 六千五 = 6500, 三万五 = 35000, 2万5 = 25000: a lone digit after a unit counts in the next lower unit.
            if (!zeroSinceUnit && pendingIsSingleDigit && lastUnit >= 100)
                result += tail * (lastUnit == 100_000_000m ? 10_000_000m : lastUnit / 10);
            else
                result += tail;
        }
        if (half) result += lastUnit == 1 ? 0.5m : lastUnit / 2;
        return result;
    }

    private static int? DigitValue(char c) => ChineseDigits.AmountDigit(c) is var d and >= 0 ? d : null;

    private static decimal? SmallUnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => null,
    };

    private static decimal? BigUnitValue(char c) => c switch
    {
        '万' or '萬' => 10_000,
        '亿' => 100_000_000,
        _ => null,
    };
}
