namespace AssistBot.Bot.Text;

/// <summary>
/// Finds a number in Chinese or Arabic numerals, as farmers type or dictate them: "三口人" = 3, "六千五" = 6500,
/// "2万" = 20000, "1.5万" = 15000, "大概五千" = 5000, "一百零五" = 105, "两万三" = 23000, "三个半" = 3.5,
/// "１２" (full-width) = 12, "6,500" = 6500. Money and counts only: no dates, no negative numbers.
/// </summary>
public static class ChineseNumberRecognizer
{
    // Words that contain a numeral but do not mean a number ("一共三口人" is 3, not 1).
    private static readonly string[] NonNumberWords =
    [
        "一共", "一下", "一起", "一样", "一般", "一直", "一些", "一定", "一切", "一致", "一旦", "一点儿", "一会", "一边", "一家",
        "一户", "一个月", "一年", "一天", "一周", "一季度", "统一", "唯一", "万一", "一年四季", "十分", "百分之百", "不一定", "第一时间",
    ];

    private const string Digits = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖";
    private const string SmallUnits = "十百千拾佰仟";
    private const string BigUnits = "万亿";

    /// <summary>The first number in <paramref name="text"/>, or null.</summary>
    public static decimal? Recognize(string? text)
    {
        var s = Prepare(text);
        for (var i = 0; i < s.Length; i++)
        {
            if (!CanStart(s[i])) continue;
            var end = TokenEnd(s, i);
            var value = ParseToken(s[i..end]);
            if (value is not null) return value;
            i = end - 1;
        }
        return null;
    }

    /// <summary>The number when <paramref name="text"/> is nothing but a number (e.g. "3", "三", "二十"), else null.</summary>
    public static decimal? RecognizeExact(string? text)
    {
        var s = TextNormalizer.Clean(text);
        if (s.Length == 0 || !CanStart(s[0])) return null;
        return TokenEnd(s, 0) == s.Length ? ParseToken(s) : null;
    }

    private static string Prepare(string? text)
    {
        var s = TextNormalizer.Clean(text);
        foreach (var word in NonNumberWords)
            if (s.Contains(word, StringComparison.Ordinal)) s = s.Replace(word, "|", StringComparison.Ordinal);
        return s;
    }

    private static bool CanStart(char c) => char.IsAsciiDigit(c) || Digits.Contains(c) || c is '十' or '拾';

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || Digits.Contains(c) || SmallUnits.Contains(c) || BigUnits.Contains(c);

    private static int TokenEnd(string s, int start)
    {
        var i = start;
        while (i < s.Length)
        {
            var c = s[i];
            if (IsNumeral(c)) { i++; continue; }
            // a decimal point between numerals: 1.5万, 三点五
            if ((c == '.' || c == '点') && i > start && i + 1 < s.Length && (char.IsAsciiDigit(s[i + 1]) || Digits.Contains(s[i + 1])))
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
            if (c is '万' or '亿')
            {
                var big = c == '万' ? 10_000m : 100_000_000m;
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

    private static int? DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ when char.IsAsciiDigit(c) => c - '0',
        _ => null,
    };

    private static decimal? SmallUnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        _ => null,
    };
}
