using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>
/// How often each policy topic was answered, per county and week (China time, weeks from Monday): a counter and a
/// scored index per week, kept 120 days. Written by the policy Q&amp;A; read by the console's overview.
/// </summary>
public sealed class AskedTopics(IScoredIndex scoredIndex, ICounterStore counters, TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(120);

    public async Task CountAsync(string county, string topic, CancellationToken ct = default)
    {
        var week = WeekOf(time.GetUtcNow());
        var n = await counters.IncrementAsync($"qa-topic-count/{county}/{week:yyyyMMdd}/{topic}", 1, Keep, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(Index(county, week), topic, n, ct).ConfigureAwait(false);
    }

    /// <summary>Topics of the week that holds <paramref name="day"/>, most asked first.</summary>
    public async Task<IReadOnlyList<(string Topic, int Count)>> TopAsync(string county, DateOnly day, int take, CancellationToken ct = default)
    {
        var entries = await scoredIndex.IndexRangeByScoreAsync(Index(county, MondayOf(day)), 1, double.PositiveInfinity, 0, 1000, ct).ConfigureAwait(false);
        return entries.OrderByDescending(e => e.Score).ThenBy(e => e.Member, StringComparer.Ordinal).Take(take)
            .Select(e => (e.Member, (int)e.Score)).ToList();
    }

    public static DateOnly WeekOf(DateTimeOffset instant) => MondayOf(ChinaTime.DateOf(instant));

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static string Index(string county, DateOnly monday) => $"qa-topics/{county}/{monday:yyyyMMdd}";
}
