using Microsoft.Data.Sqlite;

namespace AssistBot.Bot.Storage.Backup;

/// <summary>
/// Consistent copies of the embedded database with SQLite's online backup API: a backup can be taken while the
/// service writes (WAL mode), and a restore replaces the live database in one transaction after the current one has
/// been kept aside, so a wrong restore never loses data.
/// </summary>
public static class EmbeddedDatabaseBackup
{
    /// <summary>The tables every AssistBot database has; a file without them is not a backup of ours.</summary>
    private static readonly string[] RequiredTables = ["docs", "claims", "counters", "idx"];

    /// <summary>Copies <paramref name="databasePath"/> to <paramref name="destination"/> (written under a temporary name, then moved).</summary>
    public static BackupSummary Backup(string databasePath, string destination)
    {
        if (!File.Exists(databasePath)) throw new BackupException($"没有找到数据库文件：{databasePath}");
        if (File.Exists(destination)) throw new BackupException($"文件已存在：{destination}（换一个文件名，以免覆盖以前的备份）");
        var directory = Path.GetDirectoryName(Path.GetFullPath(destination));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);

        var temporary = destination + ".partial";
        File.Delete(temporary);
        try
        {
            using (var source = Open(databasePath, SqliteOpenMode.ReadOnly))
            using (var target = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(target);
                // A backup is one self-contained file: no -wal beside it.
                Execute(target, "PRAGMA journal_mode = DELETE;");
            }
            var summary = Inspect(temporary) with { Path = destination };
            File.Move(temporary, destination);
            return summary;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with <paramref name="backup"/>. The service must be
    /// stopped (the caller checks <see cref="EmbeddedDatabaseLock"/>). Returns the summary of what was restored and
    /// where the previous database was kept.
    /// </summary>
    public static (BackupSummary Restored, string? PreviousKeptAt) Restore(string backup, string databasePath, DateTimeOffset now)
    {
        if (!File.Exists(backup)) throw new BackupException($"没有找到备份文件：{backup}");
        var restored = Inspect(backup);

        string? keptAt = null;
        if (File.Exists(databasePath))
        {
            keptAt = $"{databasePath}.before-restore-{now:yyyyMMdd-HHmmss}";
            Backup(databasePath, keptAt);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        }

        try
        {
            using var source = Open(backup, SqliteOpenMode.ReadOnly);
            using var target = Open(databasePath, SqliteOpenMode.ReadWriteCreate);
            // The backup API writes every page of the destination in one transaction, WAL included.
            source.BackupDatabase(target);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
        return (restored, keptAt);
    }

    /// <summary>Checks a database file is intact and ours, and counts what it holds.</summary>
    public static BackupSummary Inspect(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var check = Scalar(connection, "PRAGMA integrity_check;");
            if (!string.Equals(check, "ok", StringComparison.OrdinalIgnoreCase))
                throw new BackupException($"文件已损坏（{path}）：{check}");
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in RequiredTables)
            {
                if (Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';") == "0")
                    throw new BackupException($"这不是 AssistBot 的数据库备份（{path} 里没有 {table} 表）");
                counts[table] = long.Parse(Scalar(connection, $"SELECT count(*) FROM {table};")!, System.Globalization.CultureInfo.InvariantCulture);
            }
            return new BackupSummary(path, new FileInfo(path).Length, counts);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"无法读取 {path}：{e.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
