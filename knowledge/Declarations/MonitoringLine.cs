namespace AssistBot.Knowledge.Declarations;

/// <summary>家庭年人均纯收入 monitoring line (元), for one year, with its source.</summary>
public sealed record MonitoringLine(decimal Amount, int Year, string Source);
