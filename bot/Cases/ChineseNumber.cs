using System.Globalization;

namespace AssistBot.Bot.Cases;

/// <summary>
/// Reads amounts as people write or say them: 5, ５, 五, 十二, 二十, 六千五, 七千五百, 1万2, 1.2万, 12,000元,
/// "大概五千块". Used for 家庭人口 and 收入.
/// </summary>
public static class ChineseNumber
{
    public static bool TryParse(string? input, out decimal value)
    {
        // "五六千" is a rough range, never 56,000: callers decide what a range means for them.
        if (TryParseRange(input, out _, out _)) { value = 0; return false; }
        if (TryParseWhole(input, out value)) return true;
        // "家里有五口人", "去年收入大概六千五左右吧": parse the one run of number characters in the sentence.
        var runs = NumberRuns(input ?? "").ToList();
        return runs.Count == 1 && TryParseWhole(runs[0], out value);
    }

    /// <summary>
    /// A rough range as people say it: two neighbouring digits, then units only — "五六千" (5,000–6,000), "两三万",
    /// "一两千", "七八百块", "三四口人" (3–4). Arabic digits are not ranges ("56" is fifty-six).
    /// </summary>
    public static bool TryParseRange(string? input, out decimal low, out decimal high)
    {
        low = high = 0;
        foreach (var run in NumberRuns(input?.Normalize(System.Text.NormalizationForm.FormKC) ?? ""))
        {
            if (run.Length < 2 || char.IsAsciiDigit(run[0]) || char.IsAsciiDigit(run[1])) continue;
            var (first, second) = (ChineseDigits.Digit(run[0]), ChineseDigits.Digit(run[1]));
            if (first < 1 || second != first + 1) continue;
            decimal unit = 1;
            var unitsOnly = true;
            foreach (var c in run.AsSpan(2))
            {
                var value = UnitValue(c);
                if (value == 0) { unitsOnly = false; break; }
                unit *= value;
            }
            if (!unitsOnly) continue;
            (low, high) = (first * unit, second * unit);
            return true;
        }
        return false;
    }

    private static IEnumerable<string> NumberRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inRun = i < text.Length && (ChineseDigits.Digit(text[i]) >= 0 || UnitValue(text[i]) > 0 || text[i] == '.' && start >= 0);
            if (inRun && start < 0) start = i;
            else if (!inRun && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static bool TryParseWhole(string? input, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var text = input.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal)
            .Replace("，", "", StringComparison.Ordinal);
        foreach (var filler in new[] { "大概", "大约", "差不多", "左右", "将近", "不到", "估计", "可能", "一共", "总共", "块钱", "块", "元", "人民币", "口人", "个人", "口", "人", "个", "有", "是", "吧", "啊", "呢", "嗯", "那个", "就是", "每年", "一年", "年", "每人", "人均" })
            text = text.Replace(filler, "", StringComparison.Ordinal);
        text = text.Trim();
        if (text.Length == 0) return false;

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return value >= 0;

        // Arabic number followed by a unit: 1.2万, 1万2, 3千
        var unitIndex = text.IndexOfAny(['万', '千', '百', '十']);
        if (unitIndex > 0 && decimal.TryParse(text[..unitIndex], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var head))
        {
            var unit = UnitValue(text[unitIndex]);
            var rest = text[(unitIndex + 1)..];
            decimal tail = 0;
            if (rest.Length > 0)
            {
                if (rest.All(char.IsAsciiDigit) && rest.Length == 1) tail = (rest[0] - '0') * unit / 10; // 1万2 = 12000
                else if (!TryParseWhole(rest, out tail)) return false;
            }
            value = head * unit + tail;
            return true;
        }
        return TryParseChinese(text, out value);
    }

    private static bool TryParseChinese(string text, out decimal value)
    {
        value = 0;
        decimal section = 0, number = 0;
        var lastUnit = 0m;
        var sawDigit = false;
        foreach (var c in text)
        {
            var d = ChineseDigits.Digit(c);
            if (d >= 0)
            {
                number = number * (number > 0 && sawDigit && lastUnit == 0 ? 10 : 1) + d; // 一二 → 12 (spoken digits)
                sawDigit = true;
                continue;
            }
            var unit = UnitValue(c);
            if (unit == 0) return false;
            if (unit == 10000)
            {
                value += (section + number) * unit;
                section = number = 0;
                lastUnit = unit;
            }
            else
            {
                section += (number == 0 ? 1 : number) * unit; // 十二 = 12
                number = 0;
                lastUnit = unit;
            }
            sawDigit = false;
        }
        if (!sawDigit && lastUnit == 0) return false;
        // 六千五 = 6500: a trailing digit after a unit is one step below it.
        if (sawDigit && number is > 0 and < 10 && lastUnit >= 100 && text.Length >= 2 && UnitValue(text[^2]) == lastUnit)
            number *= lastUnit / 10;
        value += section + number;
        return true;
    }

    private static decimal UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 10000,
        _ => 0,
    };
}
