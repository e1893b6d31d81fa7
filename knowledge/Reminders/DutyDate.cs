namespace AssistBot.Knowledge.Reminders;

/// <summary>A fixed date of a duty: "06-30" or "06-end", and what must be reached by then (支出进度50%以上).</summary>
public sealed class DutyDate
{
    public string Date { get; set; } = "";

    public string? Target { get; set; }

    /// <summary>The date in <paramref name="year"/>, or null when <see cref="Date"/> is not MM-dd / MM-end.</summary>
    public DateOnly? In(int year)
    {
        var parts = Date.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var month) || month is < 1 or > 12) return null;
        if (parts[1] == "end") return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return int.TryParse(parts[1], out var day) && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}
