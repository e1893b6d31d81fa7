using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Storage.Backup;

/// <summary><c>backup FILE</c>: a consistent copy of the embedded database, safe while the service runs.</summary>
internal sealed class BackupCommand(IOptions<StorageOptions> options, DataDirectory data) : ICliCommand
{
    public string Name => "backup";

    public string Usage => "backup FILE   copy the embedded database to FILE (safe while the service runs)";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 1 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("用法：dotnet run --project bot -- backup 备份文件路径（例如 /var/backups/assistbot-2024-05-15.db）");
            return Task.FromResult(2);
        }
        if (options.Value.UseRedis)
        {
            Console.Error.WriteLine(BackupTexts.RedisNotCovered);
            return Task.FromResult(2);
        }
        try
        {
            var summary = EmbeddedDatabaseBackup.Backup(StorageServiceCollectionExtensions.EmbeddedDatabasePath(data), Path.GetFullPath(args[0]));
            Console.WriteLine($"已备份到 {summary.Path}：{summary.Bytes / 1024.0:0.#} KB，{summary.Documents} 条记录，完整性检查通过。");
            return Task.FromResult(0);
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine("备份失败：" + e.Message);
            return Task.FromResult(1);
        }
    }
}
