using AssistBot.Knowledge.Text;
namespace AssistBot.Bot.Cases;

/// <summary>
/// A contact number: a mainland mobile (1[3-9] + 9 digits, optional +86) or a landline with its area code
/// (0 + 2–3 digits, then 7–8 digits), e.g. 0797-3322110. Spoken digits and separators are accepted.
/// </summary>
public static class PhoneNumber
{
    /// <summary>
    /// A mainland mobile number in 11 ASCII digits (1, then 3–9, then 9 digits). <see cref="Privacy.PersonalDataMask.Text"/>
    /// masks what this accepts.
    /// </summary>
    public static bool IsMobile(ReadOnlySpan<char> digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && !digits.ContainsAnyExceptInRange('0', '9');

    /// <summary>The number in canonical form (13912345678 or 0797-3322110), or a reason it is not one.</summary>
    public static PhoneCheck Check(string? input)
    {
        var raw = ChineseDigits.Fold(input, keepDash: true);
        var digits = raw.Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 0 || digits.Contains('X')) return new(PhoneProblem.Empty, "");
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];

        if (digits.Length == 11 && digits[0] == '1')
            return IsMobile(digits) ? new(PhoneProblem.None, digits) : new(PhoneProblem.NotAMobile, digits);

        if (digits[0] == '0')
        {
            // With a dash the split is explicit; without one, 3-digit area codes are 01x/02x, the rest have 4 digits.
            var dash = raw.IndexOf('-');
            var areaLength = dash is 3 or 4 && raw.Count(c => c == '-') == 1 ? dash : digits.Length > 1 && digits[1] is '1' or '2' ? 3 : 4;
            var local = digits.Length - areaLength;
            if (local is 7 or 8 && digits[areaLength] != '0' && digits[areaLength] != '1')
                return new(PhoneProblem.None, digits[..areaLength] + "-" + digits[areaLength..]);
            return new(PhoneProblem.BadLandline, digits);
        }

        if (digits.Length is 7 or 8) return new(PhoneProblem.MissingAreaCode, digits);
        return new(PhoneProblem.WrongLength, digits);
    }
}
