namespace AssistBot.Bot.Cases;

/// <summary>China Standard Time (UTC+8, no daylight saving) for anything a person reads.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>e.g. 5月15日 14:30</summary>
    public static string Display(DateTimeOffset instant)
    {
        var t = instant.ToOffset(Offset);
        return $"{t.Month}月{t.Day}日 {t:HH:mm}";
    }

    /// <summary>e.g. 5月15日</summary>
    public static string DisplayDate(DateTimeOffset instant)
    {
        var t = instant.ToOffset(Offset);
        return $"{t.Month}月{t.Day}日";
    }
}
