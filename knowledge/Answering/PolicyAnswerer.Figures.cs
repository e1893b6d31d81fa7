using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Search;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>Figures a yes/no question asks to confirm ("在岗20天吗"), checked against the answer.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>A number the question asks to confirm ("在岗20天吗", "能给到三万吗") that the answer does not contain.</summary>
    internal static string? UnconfirmedFigure(string folded, string answer)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            string? number = null;
            var start = i;
            if (char.IsAsciiDigit(folded[i]))
            {
                while (i < folded.Length && (char.IsAsciiDigit(folded[i]) || folded[i] == '.')) i++;
                number = folded[start..i];
            }
            else if (ChineseDigits.Contains(folded[i]))
            {
                while (i < folded.Length && ChineseDigits.Contains(folded[i])) i++;
                number = ChineseNumber(folded[start..i]);
            }
            if (number is null || i >= folded.Length || !FigureUnits.Contains(folded[i])) { i = Math.Max(i, start); continue; }
            if (number is "12317" or "1") continue; // the hotline; "一次" is how a frequency is asked, not a figure
            // "六成" is how people say 60%.
            if (folded[i] == '成' && int.TryParse(number, out var tenths) && tenths < 10) number = (tenths * 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var at = answer.IndexOf(number, StringComparison.Ordinal);
            var stated = false;
            while (at >= 0)
            {
                var before = at > 0 ? answer[at - 1] : ' ';
                var after = at + number.Length < answer.Length ? answer[at + number.Length] : ' ';
                if (!char.IsAsciiDigit(before) && !char.IsAsciiDigit(after) && after != '.') { stated = true; break; }
                at = answer.IndexOf(number, at + 1, StringComparison.Ordinal);
            }
            if (!stated && !answer.Contains(folded.Substring(start, Math.Min(2, folded.Length - start)), StringComparison.Ordinal)
                && !StatesABound(answer, folded[i]))
                return folded.Substring(start, i - start + 1);
        }
        return null;
    }

    /// <summary>
    /// The answer gives a limit in the same unit ("5万元以下", "不超过3年"): asked "能贷到10万吗", it answers the
    /// question by stating the limit, so the figure asked need not appear in it.
    /// </summary>
    private static bool StatesABound(string answer, char unit)
    {
        for (var at = answer.IndexOf(unit); at > 0; at = answer.IndexOf(unit, at + 1))
        {
            if (!char.IsAsciiDigit(answer[at - 1])) continue;
            var start = at - 1;
            while (start > 0 && char.IsAsciiDigit(answer[start - 1])) start--;
            var after = answer.AsSpan(at + 1, Math.Min(4, answer.Length - at - 1));
            var before = answer.AsSpan(Math.Max(0, start - 3), start - Math.Max(0, start - 3));
            foreach (var word in BoundAfter) if (after.Contains(word, StringComparison.Ordinal)) return true;
            foreach (var word in BoundBefore) if (before.EndsWith(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static readonly string[] BoundAfter = ["以下", "以内", "以上", "封顶"];
    private static readonly string[] BoundBefore = ["不超过", "最高", "最多", "最长", "上限"];

    private const string ChineseDigits = "一二三四五六七八九十两";

    // Units of a plan's figures; not 岁 (an age is the asker's own, answered by the entry's age rule).
    private const string FigureUnits = "万千元天日次个年%人户成";

    /// <summary>一 … 九十九 as digits (二十 → 20, 十五 → 15, 两 → 2); null for anything else.</summary>
    private static string? ChineseNumber(string text)
    {
        static int Digit(char c) => c == '两' ? 2 : "一二三四五六七八九".IndexOf(c) + 1;
        var value = text switch
        {
            [var one] when one != '十' => Digit(one),
            ['十'] => 10,
            ['十', var ones] => 10 + Digit(ones),
            [var tens, '十'] => Digit(tens) * 10,
            [var tens, '十', var ones] => Digit(tens) * 10 + Digit(ones),
            _ => 0,
        };
        return value > 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
