namespace AssistBot.Bot.StaffConsole;

/// <summary>One console event worth keeping: who saw full personal data and why, who changed what.</summary>
public sealed record ConsoleAuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string? Reason);
