using AssistBot.Bot.Cases;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.StaffConsole;

/// <summary>Sent and failed reminders of a period, counted by kind and route.</summary>
public sealed record ReminderTotals(IReadOnlyList<(string Kind, string Route, int Sent)> SentByKindAndRoute,
    IReadOnlyList<(string Kind, int Failed)> FailedByKind, IReadOnlyList<OutboxEntry> Failures);
