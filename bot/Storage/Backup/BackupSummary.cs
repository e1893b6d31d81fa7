namespace AssistBot.Bot.Storage.Backup;

/// <summary>What a backup file holds: its size and the row count of each table.</summary>
public sealed record BackupSummary(string Path, long Bytes, IReadOnlyDictionary<string, long> Rows)
{
    public long Documents => Rows.GetValueOrDefault("docs");
}
