namespace AssistBot.Bot.Storage.Backup;

/// <summary>A backup or restore that cannot go ahead; the message is for the operator, in Chinese.</summary>
public sealed class BackupException(string message) : Exception(message);
