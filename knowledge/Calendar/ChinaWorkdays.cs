using System.Text.Json;
using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Calendar;

/// <summary>
/// Working days in mainland China: Monday–Friday, minus public holidays, plus the weekend make-up days (调休) the
/// State Council announces each year. Years without data fall back to plain Monday–Friday.
/// </summary>
public sealed class ChinaWorkdays
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;
    private readonly Dictionary<int, string> _sources;

    public ChinaWorkdays(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, IReadOnlyDictionary<int, string> sources)
    {
        _holidays = [.. holidays];
        _workdays = [.. workdays];
        _sources = new Dictionary<int, string>(sources);
    }

    /// <summary>Weekdays only: what applies when nothing is known.</summary>
    public static ChinaWorkdays WeekdaysOnly { get; } = new([], [], new Dictionary<int, string>());

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    /// <summary>The 调休 weekend days that are working days.</summary>
    public IReadOnlyCollection<DateOnly> MakeUpWorkdays => _workdays;

    /// <summary>The notice each covered year comes from.</summary>
    public IReadOnlyDictionary<int, string> Sources => _sources;

    public bool Covers(int year) => _sources.ContainsKey(year);

    public bool IsHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkday(DateOnly date) =>
        _workdays.Contains(date) ||
        (!_holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary><paramref name="date"/> itself when it is a working day, else the next working day.</summary>
    public DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkday(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>The first working day of a month.</summary>
    public DateOnly FirstWorkdayOfMonth(int year, int month) => OnOrAfter(new DateOnly(year, month, 1));

    /// <summary><paramref name="days"/> working days after <paramref name="date"/>.</summary>
    public DateOnly AddWorkdays(DateOnly date, int days)
    {
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkday(date)) days--;
        }
        return date;
    }

    /// <summary>Loads <c>cn-workdays.json</c> (year → source, holidays[], workdays[]).</summary>
    public static ChinaWorkdays Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<CalendarFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        var sources = new Dictionary<int, string>();
        foreach (var (yearText, year) in file.Years)
        {
            if (!int.TryParse(yearText, out var number)) throw new InvalidDataException($"{path}: '{yearText}' is not a year.");
            sources[number] = year.Source ?? "";
            holidays.AddRange(year.Holidays.Select(d => ParseIn(path, number, d)));
            workdays.AddRange(year.Workdays.Select(d => ParseIn(path, number, d)));
        }
        return new ChinaWorkdays(holidays, workdays, sources);
    }

    private static DateOnly ParseIn(string path, int year, string text)
    {
        if (!IsoDate.TryParse(text, out var date))
            throw new InvalidDataException($"{path}: '{text}' is not a yyyy-MM-dd date.");
        // A holiday break may start in the previous year (元旦 2024 began on 2023-12-30); allow a day or two of spill.
        if (Math.Abs(date.Year - year) > 1) throw new InvalidDataException($"{path}: {text} is listed under {year}.");
        return date;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record CalendarFile(Dictionary<string, CalendarYear> Years);

    private sealed record CalendarYear(string? Source, List<string> Holidays, List<string> Workdays);
}
