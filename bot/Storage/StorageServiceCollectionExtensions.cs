using AssistBot.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AssistBot.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage backend — Redis when <c>Storage:Redis</c> is set, else the embedded store — as one singleton
    /// under <see cref="IStorage"/> and under each role interface consumers ask for.
    /// </summary>
    public static IServiceCollection AddAssistBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        // Null with the embedded store, so optional consumers (the Redis trace instrumentation) find no multiplexer.
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UseRedis ? ConnectionMultiplexer.Connect(CreateRedisOptions(options.Redis!)) : null!;
        });
        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.UseRedis) return new RedisStorage(sp.GetRequiredService<IConnectionMultiplexer>());
            return new EmbeddedStorage(EmbeddedDatabasePath(sp.GetRequiredService<DataDirectory>()), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IWriteReplication>(sp =>
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseRedis
                ? ActivatorUtilities.CreateInstance<RedisWriteReplication>(sp)
                : new DurableOnCommit());
        AddStorageRoles(services);
        services.AddHostedService<Backup.EmbeddedDatabaseLockHolder>();
        services.AddSingleton<Cli.ICliCommand, Cli.BackupCommand>();
        services.AddSingleton<Cli.ICliCommand, Cli.RestoreCommand>();
        return services;
    }

    /// <summary>
    /// Registers every role interface as the registered <see cref="IStorage"/> itself (the same singleton), resolved when
    /// asked for, so a host or test that replaces <see cref="IStorage"/> replaces every role with it.
    /// </summary>
    public static IServiceCollection AddStorageRoles(this IServiceCollection services)
    {
        services.TryAddSingleton<IDocumentStore>(sp => sp.GetRequiredService<IStorage>());
        services.TryAddSingleton<IClaimStore>(sp => sp.GetRequiredService<IStorage>());
        services.TryAddSingleton<IClaimResults>(sp => sp.GetRequiredService<IStorage>());
        services.TryAddSingleton<IScoredIndex>(sp => sp.GetRequiredService<IStorage>());
        services.TryAddSingleton<ISweepReads>(sp => sp.GetRequiredService<IStorage>());
        services.TryAddSingleton<ICounterStore>(sp => sp.GetRequiredService<IStorage>());
        services.TryAddSingleton<IStorageHealth>(sp => sp.GetRequiredService<IStorage>());
        // A host that registers only a backend (tests over one IStorage) acknowledges writes without waiting for replicas.
        services.TryAddSingleton<IWriteReplication, DurableOnCommit>();
        return services;
    }

    /// <summary>The embedded database file under the data directory.</summary>
    public static string EmbeddedDatabasePath(DataDirectory data) => Path.Combine(data.Path, "assistbot.db");

    /// <summary>
    /// Redis settings for a service that must start, and keep running, while Redis is down: never abort on a failed
    /// connect, keep reconnecting, and time out quickly so health checks and users get an answer in seconds.
    /// </summary>
    public static ConfigurationOptions CreateRedisOptions(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        if (!configuration.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase)) options.ConnectTimeout = 2000;
        if (!configuration.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase)) options.SyncTimeout = 2000;
        if (!configuration.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase)) options.AsyncTimeout = 2000;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        options.ClientName ??= "assistbot";
        return options;
    }
}
