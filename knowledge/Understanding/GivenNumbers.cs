namespace AssistBot.Knowledge.Understanding;

/// <summary>
/// Phone and ID numbers a farmer gives along with a question ("我电话138****5678，低保咋申请", "身份证410…1234，家里出事了"),
/// with the words that label them. They are the asker's own data, not what is asked: left in, 电话 reads as the hotline,
/// 身份证号 as the monitoring procedure (whose entry says 公示不会公开身份证号), and a cue right after the number as part
/// of it. The reader and the scoring both see the question without them. (Masking for storage and logs is the bot's
/// PersonalDataMask, which recognises exact ID and mobile numbers; this also takes masked ones and landlines, since the
/// channels mask before the question arrives.)
/// </summary>
public static class GivenNumbers
{
    /// <summary>Shorter runs are figures or the hotline itself (12317, 5万, 2024年).</summary>
    private const int MinDigits = 7;

    /// <summary>A landline with its area code (0797-8123456) or a mobile written in groups (139-7971-2345).</summary>
    private const int MinDashedDigits = 10;

    /// <summary>Longest first, so 身份证号码 goes whole.</summary>
    private static readonly string[] Labels =
        ["身份证号码", "身份证号", "身份证", "电话号码", "联系电话", "联系方式", "手机号码", "手机号", "电话号", "银行卡号", "电话", "手机", "号码", "卡号", "账号"];

    /// <summary>Between a label and its number: "电话是", "身份证号：", "手机号为".</summary>
    private const string Links = "是为:：号 ";

    /// <summary>After a number, before the label it gets: "13912345678是我的电话".</summary>
    private static readonly string[] LinksAfter = ["是我的", "是俺的", "是我", "是俺", "是"];

    /// <summary>The question without given numbers and their labels; the same instance when it has none.</summary>
    public static string Without(string question)
    {
        // No run found: the loop never runs and the question itself comes back, with nothing allocated.
        var text = question;
        for (var start = FindRun(text, 0, out var length); start >= 0; start = FindRun(text, start, out length))
        {
            var from = start;
            var to = start + length;
            var before = from;
            while (before > 0 && Links.Contains(text[before - 1])) before--;
            if (LabelEndingAt(text, before) is { } label) from = before - label.Length;
            var after = to;
            foreach (var link in LinksAfter)
                if (string.CompareOrdinal(text, after, link, 0, link.Length) == 0) { after += link.Length; break; }
            if (LabelStartingAt(text, after) is { } next) to = after + next.Length;
            text = string.Concat(text.AsSpan(0, from), text.AsSpan(to));
            start = from;
        }
        return text;
    }

    /// <summary>The next run of at least <see cref="MinDigits"/> number characters (digits, * of a mask, the X of an ID).</summary>
    private static int FindRun(string text, int from, out int length)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (!IsNumberChar(text[i])) continue;
            var end = i;
            var digits = 0;
            var dashed = false;
            while (end < text.Length)
            {
                var c = text[end];
                if (IsNumberChar(c)) { if (char.IsAsciiDigit(c)) digits++; end++; continue; }
                // "139 1234 5678", "0797-8123456": spaces and dashes inside a number.
                if (c is ' ' or '-' or '－' && end > i && end + 1 < text.Length && IsNumberChar(text[end + 1]))
                {
                    dashed |= c != ' ';
                    end++;
                    continue;
                }
                break;
            }
            // Dashed, only a phone's ten or more digits: "2021-2025年", "2024-03-01" are dates.
            if (end - i >= MinDigits && digits >= (dashed ? MinDashedDigits : 4)) { length = end - i; return i; }
            i = end;
        }
        length = 0;
        return -1;
    }

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is '*' or 'X' or 'x';

    private static string? LabelEndingAt(string text, int end)
    {
        foreach (var label in Labels)
            if (end >= label.Length && string.CompareOrdinal(text, end - label.Length, label, 0, label.Length) == 0) return label;
        return null;
    }

    private static string? LabelStartingAt(string text, int start)
    {
        foreach (var label in Labels)
            if (string.CompareOrdinal(text, start, label, 0, label.Length) == 0) return label;
        return null;
    }
}
