namespace AssistBot.Bot.Cases.Import;

/// <summary>A bad row: its line in the file (1 = header) and what is wrong, in Chinese, with personal data masked.</summary>
public sealed record ImportError(int Line, string Message);
