using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// An embedded (SQLite) store in a temporary directory of its own, deleted on dispose: the embedded side of the storage
/// contract suites (the Redis and cluster sides use the shared servers).
/// </summary>
public sealed class TempEmbeddedStorage : IDisposable
{
    private readonly string _directory;

    public TempEmbeddedStorage(string prefix)
    {
        _directory = Directory.CreateTempSubdirectory(prefix).FullName;
        Storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);
    }

    public EmbeddedStorage Storage { get; }

    public void Dispose()
    {
        Storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
