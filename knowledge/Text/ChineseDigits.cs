using System.Text;

namespace AssistBot.Knowledge.Text;

/// <summary>
/// The one table of digits as people type or say them — ASCII, full-width (１２), Chinese (三), financial (叁) and the
/// spoken forms of a digit string (幺 = 1, 洞 = 0, 拐 = 7, 勾 = 9) — and folding such input into plain ASCII digits
/// (ID numbers, phone numbers).
/// </summary>
public static class ChineseDigits
{
    /// <summary>Keeps digits (any width or spoken form), X/x and '-'; drops everything else.</summary>
    public static string Fold(string? input, bool keepDash = false)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var text = input.Normalize(NormalizationForm.FormKC);
        var buffer = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var digit = Digit(c);
            if (digit >= 0) buffer.Append((char)('0' + digit));
            else if (c is 'x' or 'X') buffer.Append('X');
            else if (keepDash && c == '-') buffer.Append('-');
        }
        return buffer.ToString();
    }

    /// <summary>True when the text has nothing but digits (any form), X, separators and spaces.</summary>
    public static bool LooksLikeDigits(string? input) =>
        !string.IsNullOrWhiteSpace(input) &&
        input.Normalize(NormalizationForm.FormKC).All(c => Digit(c) >= 0 || c is 'x' or 'X' or '-' or ' ' or '　' or ',' or '，' or '.' or '。');

    /// <summary>The value of a digit in any form above, else -1.</summary>
    public static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        '零' or '〇' or '洞' => 0,
        '一' or '幺' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' or '拐' => 7,
        '八' or '捌' => 8,
        '九' or '玖' or '勾' => 9,
        _ => -1,
    };

    /// <summary>
    /// A digit of an amount or a count: <see cref="Digit"/> without the spoken digit-string forms (幺洞拐勾), which
    /// are ordinary words in a sentence ("拐弯").
    /// </summary>
    public static int AmountDigit(char c) => c is '幺' or '洞' or '拐' or '勾' ? -1 : Digit(c);
}
