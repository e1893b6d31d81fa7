using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Storage.Backup;

/// <summary>Holds <see cref="EmbeddedDatabaseLock"/> while the service runs on the embedded store.</summary>
internal sealed class EmbeddedDatabaseLockHolder(IOptions<StorageOptions> options, DataDirectory data,
    ILogger<EmbeddedDatabaseLockHolder> logger) : IHostedService, IDisposable
{
    private EmbeddedDatabaseLock? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UseRedis) return Task.CompletedTask;
        var database = StorageServiceCollectionExtensions.EmbeddedDatabasePath(data);
        _lock = EmbeddedDatabaseLock.TryAcquire(database);
        if (_lock is null)
            logger.LogWarning("Another AssistBot service already runs on {Database}; two services on one embedded database " +
                              "work, but 'restore' will refuse until both are stopped", database);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
