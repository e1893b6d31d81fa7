namespace AssistBot.Scheduler.Time;

/// <summary>China Standard Time (Asia/Shanghai, UTC+8, no DST): the clock people read and due dates live in.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static TimeZoneInfo Zone { get; } = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", Offset, "China Standard Time", "CST");
        }
    }

    /// <summary>The instant as CST.</summary>
    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Today's CST date on this clock.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>"5月15日 14:30", for anything a person reads.</summary>
    public static string Display(DateTimeOffset instant)
    {
        var t = instant.ToOffset(Offset);
        return $"{t.Month}月{t.Day}日 {t:HH:mm}";
    }

    /// <summary>"5月15日".</summary>
    public static string DisplayDate(DateTimeOffset instant) => FormatShortDate(DateOf(instant));

    /// <summary>The CST calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    /// <summary>A CST date and time of day as an instant.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly timeOfDay) => new(date.ToDateTime(timeOfDay), Offset);

    /// <summary>"2024年5月31日".</summary>
    public static string FormatDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>"5月31日".</summary>
    public static string FormatShortDate(DateOnly date) => $"{date.Month}月{date.Day}日";
}
