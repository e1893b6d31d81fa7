namespace AssistBot.Bot.Storage.Backup;

internal static class BackupTexts
{
    public const string RedisNotCovered =
        "现在用的是 Redis（Storage:Redis 已设置）：请备份 Redis 的 RDB/AOF 文件，做法见 README“部署”一节。backup/restore 只用于内嵌存储。";
}
