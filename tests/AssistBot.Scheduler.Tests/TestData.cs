using AssistBot.Knowledge.Calendar;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Scheduler.Tests;

/// <summary>The shipped data files (copied next to the test binary from knowledge/).</summary>
internal static class TestData
{
    public static ChinaWorkdays Workdays { get; } = ChinaWorkdays.Load(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-workdays.json"));

    public static ReminderPack Pack(string id) => ReminderPackLoader.LoadPack(Path.Combine(AppContext.BaseDirectory, "packs"), id);

    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");
}
