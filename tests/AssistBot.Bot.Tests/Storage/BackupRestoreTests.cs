using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Storage.Backup;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>
/// The operator's <c>backup</c> and <c>restore</c> commands on the embedded database: a backup taken while the store is
/// open and being written, more writes, a restore with the service stopped — and exactly the backed-up state returns.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "assistbot-backup-" + Guid.NewGuid().ToString("N"));
    private readonly IOptions<StorageOptions> _options;
    private readonly DataDirectory _data;

    public BackupRestoreTests()
    {
        _options = Options.Create(new StorageOptions { DataDirectory = Path.Combine(_root, "data") });
        _data = new DataDirectory(_options);
    }

    private string Database => StorageServiceCollectionExtensions.EmbeddedDatabasePath(_data);

    private sealed record Note(string Text);

    [Fact]
    public async Task Backup_while_writing_then_restore_brings_back_exactly_the_backed_up_state()
    {
        var backupFile = Path.Combine(_root, "backups", "monday.db");
        using (var storage = new EmbeddedStorage(Database, TimeProvider.System))
        {
            await storage.WriteAsync("case/0001", new Note("受理"), WriteCondition.Always);
            await storage.WriteAsync("case/0002", new Note("待核实"), WriteCondition.Always);
            await storage.IndexAddAsync("due", "case/0001", 1);

            Assert.Equal(0, await new BackupCommand(_options, _data).RunAsync([backupFile], default));

            await storage.WriteAsync("case/0001", new Note("已纳入"), WriteCondition.Always);
            await storage.WriteAsync("case/0003", new Note("新申报"), WriteCondition.Always);
            await storage.DeleteAsync("case/0002");
        }

        Assert.Equal(0, await new RestoreCommand(_options, _data, TimeProvider.System).RunAsync([backupFile], default));

        using (var restored = new EmbeddedStorage(Database, TimeProvider.System))
        {
            Assert.Equal("受理", (await restored.ReadAsync<Note>("case/0001"))!.Value.Text);
            Assert.Equal("待核实", (await restored.ReadAsync<Note>("case/0002"))!.Value.Text);
            Assert.Null(await restored.ReadAsync<Note>("case/0003"));
            Assert.Equal(1, await restored.IndexScoreAsync("due", "case/0001"));
        }

        // Nothing is lost by a wrong restore: the database it replaced is kept aside, with the later writes.
        var keptAside = Directory.GetFiles(Path.GetDirectoryName(Database)!, "assistbot.db.before-restore-*").Single();
        using var previous = new EmbeddedStorage(keptAside, TimeProvider.System);
        Assert.Equal("新申报", (await previous.ReadAsync<Note>("case/0003"))!.Value.Text);
    }

    [Fact]
    public async Task Restore_refuses_while_the_service_holds_the_database()
    {
        var backupFile = Path.Combine(_root, "b.db");
        using (var storage = new EmbeddedStorage(Database, TimeProvider.System))
            await storage.WriteAsync("case/0001", new Note("受理"), WriteCondition.Always);
        Assert.Equal(0, await new BackupCommand(_options, _data).RunAsync([backupFile], default));
        using (var storage = new EmbeddedStorage(Database, TimeProvider.System))
            await storage.WriteAsync("case/0001", new Note("已纳入"), WriteCondition.Always);

        using (EmbeddedDatabaseLock.TryAcquire(Database))
        {
            var (exit, error) = await RunCapturingErrorAsync(new RestoreCommand(_options, _data, TimeProvider.System), backupFile);
            Assert.Equal(1, exit);
            Assert.Contains("请先停止服务", error);
        }

        using var unchanged = new EmbeddedStorage(Database, TimeProvider.System);
        Assert.Equal("已纳入", (await unchanged.ReadAsync<Note>("case/0001"))!.Value.Text);
    }

    [Fact]
    public async Task A_file_that_is_not_our_backup_is_rejected_and_the_database_is_untouched()
    {
        using (var storage = new EmbeddedStorage(Database, TimeProvider.System))
            await storage.WriteAsync("case/0001", new Note("受理"), WriteCondition.Always);
        var notABackup = Path.Combine(_root, "贷款名单.csv");
        await File.WriteAllTextAsync(notABackup, "贷款编号,借款人姓名\nL1,张三\n");

        var (exit, error) = await RunCapturingErrorAsync(new RestoreCommand(_options, _data, TimeProvider.System), notABackup);

        Assert.Equal(1, exit);
        Assert.Contains("数据库没有改动", error);
        using var unchanged = new EmbeddedStorage(Database, TimeProvider.System);
        Assert.Equal("受理", (await unchanged.ReadAsync<Note>("case/0001"))!.Value.Text);
    }

    [Fact]
    public async Task Backup_never_overwrites_an_earlier_backup()
    {
        using (var storage = new EmbeddedStorage(Database, TimeProvider.System))
            await storage.WriteAsync("case/0001", new Note("受理"), WriteCondition.Always);
        var backupFile = Path.Combine(_root, "b.db");
        await File.WriteAllTextAsync(backupFile, "older backup");

        var (exit, error) = await RunCapturingErrorAsync(new BackupCommand(_options, _data), backupFile);

        Assert.Equal(1, exit);
        Assert.Contains("文件已存在", error);
        Assert.Equal("older backup", await File.ReadAllTextAsync(backupFile));
    }

    private static async Task<(int Exit, string Error)> RunCapturingErrorAsync(AssistBot.Bot.Cli.ICliCommand command, string file)
    {
        var original = Console.Error;
        var error = new StringWriter();
        Console.SetError(error);
        try
        {
            return (await command.RunAsync([file], default), error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
