namespace AssistBot.Bot.Storage.Backup;

/// <summary>
/// An exclusive lock file beside the embedded database, held by the running service, so that <c>restore</c> can tell
/// a stopped service from a running one (replacing the database under a running service would lose its writes).
/// Command-line imports do not take it: they may run next to the service, SQLite serialises their writes.
/// </summary>
public sealed class EmbeddedDatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private EmbeddedDatabaseLock(FileStream file) => _file = file;

    public static string LockPath(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock, or returns null when another process (a running service) holds it.</summary>
    public static EmbeddedDatabaseLock? TryAcquire(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share-mode lock on Windows.
            var file = new FileStream(LockPath(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new EmbeddedDatabaseLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
