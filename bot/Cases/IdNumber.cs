using System.Globalization;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cases;

/// <summary>
/// 居民身份证号码 per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, check character over the
/// first 17 digits (weights 2^(17-i) mod 11, result mapped to 1 0 X 9 8 7 6 5 4 3 2).
/// </summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // Province-level codes in use (GB/T 2260), plus 71/81/82 (Taiwan, Hong Kong, Macao residence permits).
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    /// <summary>Checks an ID number typed or spoken by a person; <paramref name="today"/> bounds the birth date.</summary>
    public static IdNumberCheck Check(string? input, DateOnly today)
    {
        var value = ChineseDigits.Fold(input);
        if (value.Length == 0) return new(IdNumberProblem.Empty, "");
        if (value.Length == 15 && value.All(char.IsAsciiDigit)) return new(IdNumberProblem.FifteenDigit, value);
        if (value.Length != 18) return new(IdNumberProblem.WrongLength, value);
        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
            return new(IdNumberProblem.BadCharacters, value);
        if (!Provinces.Contains((value[0] - '0') * 10 + (value[1] - '0'))) return new(IdNumberProblem.BadRegion, value);
        if (BirthDate(value) is not { } birth || birth > today || birth < today.AddYears(-130))
            return new(IdNumberProblem.BadBirthDate, value);
        if (CheckCharacter(value.AsSpan(0, 17)) != value[17]) return new(IdNumberProblem.BadCheckDigit, value);
        return new(IdNumberProblem.None, value);
    }

    /// <summary>
    /// Whether ASCII digits (an 18-character number ending in a digit or X, or the 15-digit number of before 1999) have
    /// the shape of a real ID number: a province in use and a real birth date. The check digit is not required, so a
    /// mistyped number still counts as personal data. <see cref="Privacy.PersonalDataMask.Text"/> masks what this accepts.
    /// </summary>
    public static bool IsPlausible(ReadOnlySpan<char> value)
    {
        if (value.Length == 18)
        {
            if (value[..17].ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x')) return false;
            if (!Provinces.Contains((value[0] - '0') * 10 + (value[1] - '0'))) return false;
            return DateOnly.TryParseExact(value.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
                   && birth.Year >= 1890;
        }
        if (value.Length == 15)
        {
            if (value.ContainsAnyExceptInRange('0', '9') || !Provinces.Contains((value[0] - '0') * 10 + (value[1] - '0'))) return false;
            return DateOnly.TryParseExact(value.Slice(6, 6), "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        return false;
    }

    /// <summary>The check character for 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>The birth date in an 18-character number, or null when it is not a real date.</summary>
    public static DateOnly? BirthDate(string value) =>
        value.Length == 18 && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>What is wrong, in a few Chinese words for an import row message (为空, 出生日期不对…).</summary>
    public static string Describe(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.Empty => "为空",
        IdNumberProblem.FifteenDigit => "15位旧号码",
        IdNumberProblem.WrongLength or IdNumberProblem.BadCharacters => "位数不对",
        IdNumberProblem.BadRegion => "地区码不对",
        IdNumberProblem.BadBirthDate => "出生日期不对",
        IdNumberProblem.BadCheckDigit => "校验位不对",
        _ => "格式不对",
    };

    /// <summary>The last 6 characters, as used for binding.</summary>
    public static string LastSix(string value) => value.Length >= 6 ? value[^6..].ToUpperInvariant() : value.ToUpperInvariant();
}
