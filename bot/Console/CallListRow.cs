using AssistBot.Bot.Cases;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.StaffConsole;

/// <summary>One row of the call list: a farmer no reminder reached, and the cadre who should phone them.</summary>
public sealed record CallListRow(NotReachedEntry Entry, Cadre? Cadre, ConsoleAuditEntry? Handled);
