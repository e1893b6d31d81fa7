using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AssistBot.Bot.Privacy;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.WeChat.Subscriptions;

/// <summary>
/// Fits values to 订阅通知 field types (the type is the field name without its number: thing1 → thing). WeChat
/// rejects a whole message (47003) when one value breaks its type's rule, so every value is cut or reformatted:
/// thing ≤ 20 characters, phrase ≤ 5, name ≤ 10, number/letter/character_string ≤ 32, symbol ≤ 5, phone_number ≤ 17,
/// car_number ≤ 8, date "2024年5月15日", time "2024年5月15日 10:30", amount "1234.5元". An ID number is never sent and a
/// mobile number only masked (139****4321), whatever the field.
/// </summary>
public static partial class SubscriptionFields
{
    /// <summary>The data of one bizsend: each configured template field with its value taken from <paramref name="values"/>.</summary>
    public static Dictionary<string, string> Compose(SubscriptionTemplateOptions template, IReadOnlyDictionary<string, string> values)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, source) in template.Fields)
        {
            var value = source.StartsWith('=') ? source[1..] : values.GetValueOrDefault(source, "");
            data[field] = Fit(field, value);
        }
        return data;
    }

    /// <summary>The value as the field's type allows it.</summary>
    public static string Fit(string field, string? value)
    {
        var text = Mask((value ?? "").Replace('\r', ' ').Replace('\n', ' ').Trim());
        return TypeOf(field) switch
        {
            "thing" => Cut(text, 20),
            "phrase" => Cut(Regex.Replace(text, @"[^\p{IsCJKUnifiedIdeographs}]", ""), 5),
            "name" => Cut(text, 10),
            "number" => Cut(NumberChars().Replace(text, ""), 32),
            "letter" => Cut(Regex.Replace(text, "[^A-Za-z]", ""), 32),
            "symbol" => Cut(text, 5),
            "character_string" => Cut(Regex.Replace(text, @"[^\x21-\x7E]", ""), 32),
            "phone_number" => Cut(Regex.Replace(text, @"[^0-9+\-*() ]", ""), 17),
            "car_number" => Cut(text.Replace(" ", ""), 8),
            "date" => AsDate(text) ?? Cut(text, 20),
            "time" => AsTime(text) ?? Cut(text, 20),
            "amount" => AsAmount(text) ?? "",
            _ => Cut(text, 20),
        };
    }

    /// <summary>thing1 → thing, character_string12 → character_string.</summary>
    public static string TypeOf(string field) => field.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    /// <summary>No ID number at all (not even masked: it identifies a person), mobiles masked.</summary>
    private static string Mask(string text) => PersonalDataMask.TextWithoutIdNumbers(text);

    /// <summary>At most <paramref name="max"/> characters (user-perceived: an emoji counts once), ending in … when cut.</summary>
    private static string Cut(string text, int max)
    {
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= max) return text;
        return max <= 1 ? info.SubstringByTextElements(0, max) : info.SubstringByTextElements(0, max - 1) + "…";
    }

    private static string? AsDate(string text)
    {
        if (Text.ChineseDate.TryParse(text, out var d))
            return ChinaTime.FormatDate(d);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && text.Contains('T'))
        {
            return ChinaTime.FormatDate(ChinaTime.DateOf(t));
        }
        return DatePattern().IsMatch(text) ? text : null;
    }

    private static string? AsTime(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && text.Contains('T'))
        {
            return $"{ChinaTime.FormatDate(ChinaTime.DateOf(t))} {t.ToChina():HH:mm}";
        }
        return AsDate(text);
    }

    /// <summary>
    /// "5万元", "¥50,000", "50000.00", "五万元" → "50000元" (read by the one Chinese-number reader); integer part at most
    /// 10 digits. Nothing when the text holds no single amount (a range, two numbers).
    /// </summary>
    private static string? AsAmount(string text)
    {
        if (!ChineseNumber.TryParse(text, out var amount)) return null;
        amount = Math.Round(amount, 2);
        if (amount < 0 || amount >= 10_000_000_000m) return null;
        return amount.ToString("0.##", CultureInfo.InvariantCulture) + "元";
    }

    [GeneratedRegex(@"[^0-9.\-]")]
    private static partial Regex NumberChars();

    [GeneratedRegex(@"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日")]
    private static partial Regex DatePattern();
}
