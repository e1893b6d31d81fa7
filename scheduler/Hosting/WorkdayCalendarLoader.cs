using AssistBot.Knowledge.Calendar;
using AssistBot.Scheduler.Time;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Hosting;

/// <summary>Loads <c>calendar/cn-workdays.json</c> and warns when the data runs out.</summary>
public static class WorkdayCalendarLoader
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "calendar", "cn-workdays.json");

    public static ChinaWorkdays Load(string? path, TimeProvider time, ILogger logger)
    {
        path = string.IsNullOrWhiteSpace(path) ? DefaultPath : path;
        if (!File.Exists(path))
        {
            logger.LogWarning("Working-day calendar {Path} is missing: holidays and 调休 are ignored (Monday–Friday only)", path);
            return ChinaWorkdays.WeekdaysOnly;
        }
        var workdays = ChinaWorkdays.Load(path);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        if (!workdays.Covers(today.Year))
            logger.LogWarning("Working-day calendar {Path} has no data for {Year}: add the State Council holiday notice", path, today.Year);
        // The notice for next year comes out around November; from then on its absence is worth a warning.
        if (today.Month >= 11 && !workdays.Covers(today.Year + 1))
            logger.LogWarning("Working-day calendar {Path} has no data for {Year} yet: add it once the State Council notice is published",
                path, today.Year + 1);
        return workdays;
    }
}
