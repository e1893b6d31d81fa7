using System.Globalization;

namespace AssistBot.Knowledge.Text;

/// <summary>
/// The one reader of dates written for machines — "2024-05-15" in pack files, the calendar, admin query strings and
/// command-line options — always in the invariant calendar, whatever the server's culture. (Dates as people write
/// them, "5月15号", are read by <c>ChineseDate</c> in the bot.)
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>A date in the form 2024-05-15 (surrounding spaces allowed); false for anything else.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary><see cref="TryParse"/> for a value already validated (e.g. by the pack loader); throws otherwise.</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date in the form 2024-05-15.");
}
