using AssistBot.Bot.Storage;
using AssistBot.Bot.Storage.Backup;
using System.CommandLine;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Cli;

/// <summary><c>restore FILE</c>: puts a backup back, with the service stopped; the current database is kept aside first.</summary>
internal sealed class RestoreCommand(IOptions<StorageOptions> options, DataDirectory data, TimeProvider time) : CliVerb
{
    private readonly Argument<string> _file = new("FILE") { Description = "要恢复的备份文件" };

    public override string Name => "restore";

    public override string Description => "用备份替换内嵌数据库（先停止服务）";

    public override void Configure(Command command) => command.Arguments.Add(_file);

    public override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var file = parse.GetRequiredValue(_file);
        if (options.Value.UseRedis)
        {
            Console.Error.WriteLine(BackupTexts.RedisNotCovered);
            return Task.FromResult(2);
        }
        var database = StorageServiceCollectionExtensions.EmbeddedDatabasePath(data);
        using var serviceStopped = EmbeddedDatabaseLock.TryAcquire(database);
        if (serviceStopped is null)
        {
            Console.Error.WriteLine($"服务还在使用 {database}，请先停止服务（例如 systemctl stop assistbot）再恢复。");
            return Task.FromResult(1);
        }
        try
        {
            var (restored, keptAt) = EmbeddedDatabaseBackup.Restore(Path.GetFullPath(file), database, time.GetUtcNow());
            Console.WriteLine($"已从 {restored.Path} 恢复：{restored.Documents} 条记录。");
            if (keptAt is not null) Console.WriteLine($"恢复前的数据库另存为 {keptAt}，确认无误后可以删除。");
            return Task.FromResult(0);
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("恢复失败：" + e.Message + "（数据库没有改动）");
            return Task.FromResult(1);
        }
    }
}
