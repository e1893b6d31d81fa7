using AssistBot.Bot.Storage;
using AssistBot.Bot.Storage.Backup;
using System.CommandLine;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Cli;

/// <summary><c>backup FILE</c>: a consistent copy of the embedded database, safe while the service runs.</summary>
internal sealed class BackupCommand(IOptions<StorageOptions> options, DataDirectory data) : CliVerb
{
    private readonly Argument<string> _file = new("FILE") { Description = "备份文件的路径，例如 /var/backups/assistbot-2024-05-15.db" };

    public override string Name => "backup";

    public override string Description => "把内嵌数据库备份到 FILE（服务运行时也可以做）";

    public override void Configure(Command command) => command.Arguments.Add(_file);

    public override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var file = parse.GetRequiredValue(_file);
        if (options.Value.UseRedis)
        {
            Console.Error.WriteLine(BackupTexts.RedisNotCovered);
            return Task.FromResult(2);
        }
        try
        {
            var summary = EmbeddedDatabaseBackup.Backup(StorageServiceCollectionExtensions.EmbeddedDatabasePath(data), Path.GetFullPath(file));
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
