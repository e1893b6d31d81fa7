using AssistBot.Knowledge.Reminders;

namespace AssistBot.Scheduler.Ports;

/// <summary>A county the reminders run for, with its pack's rules.</summary>
public sealed record ReminderCounty(string Id, string Name, ReminderPack Pack);

/// <summary>The configured counties (implemented by the bot from <c>Counties</c> and the pack files).</summary>
public interface IReminderCounties
{
    IReadOnlyList<ReminderCounty> All { get; }
}
