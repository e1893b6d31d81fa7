using System.Globalization;

namespace AssistBot.Bot.Text;

/// <summary>
/// Reads a calendar date as people write it in a table cell or a form: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日,
/// 20240305, or an Excel serial number (a numeric cell such as 45356) — the same formats for every importer.
/// </summary>
public static class ChineseDate
{
    private static readonly string[] Formats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    // Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was, so later serials line up from here).
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>The date, or false when the text is none of the formats above.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        var value = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        // Serials 20000..99999 are 1954-10-03..2173-10-14: a numeric cell in that range is a date Excel stored as a number.
        if (value.Length == 5 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= 20000)
        {
            date = ExcelEpoch.AddDays(serial);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>The date, or null.</summary>
    public static DateOnly? Parse(string? text) => TryParse(text, out var date) ? date : null;
}
