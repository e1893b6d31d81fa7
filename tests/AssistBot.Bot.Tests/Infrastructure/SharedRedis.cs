using AssistBot.Bot.Storage;
using StackExchange.Redis;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// The Redis the test run shares. test.sh starts one and sets ASSISTBOT_TEST_REDIS; then it must be reachable or
/// the tests fail (they never skip). Without the variable a private redis-server is started for the run.
/// </summary>
public class SharedRedis : IAsyncLifetime
{
    private IAsyncDisposable? _ownServer;

    /// <summary>The environment variable naming the Redis to share.</summary>
    protected virtual string Variable => "ASSISTBOT_TEST_REDIS";

    /// <summary>Starts a private Redis when the variable is not set; returns it and its connection string.</summary>
    protected virtual async Task<(IAsyncDisposable Server, string Configuration)> StartOwnAsync()
    {
        var server = await RedisServer.StartAsync();
        return (server, server.Configuration);
    }

    public string Configuration { get; private set; } = "";

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured)) (_ownServer, configured) = await StartOwnAsync();
        Configuration = configured;
        var options = StorageServiceCollectionExtensions.CreateRedisOptions(configured);
        options.AbortOnConnectFail = true;
        options.AllowAdmin = true;
        try
        {
            Connection = await ConnectionMultiplexer.ConnectAsync(options);
        }
        catch (RedisConnectionException e)
        {
            throw new InvalidOperationException($"The test Redis at {configured} is unreachable: {e.Message}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        if (_ownServer is not null) await _ownServer.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedRedisCollection : ICollectionFixture<SharedRedis>
{
    public const string Name = "redis";
}

/// <summary>
/// The 3-master Redis Cluster the test run shares: test.sh starts one and sets ASSISTBOT_TEST_REDIS_CLUSTER; without
/// the variable a private cluster is started for the run.
/// </summary>
public sealed class SharedRedisCluster : SharedRedis
{
    protected override string Variable => "ASSISTBOT_TEST_REDIS_CLUSTER";

    protected override async Task<(IAsyncDisposable Server, string Configuration)> StartOwnAsync()
    {
        var cluster = await RedisCluster.StartAsync();
        return (cluster, cluster.Configuration);
    }
}

[CollectionDefinition(Name)]
public sealed class SharedRedisClusterCollection : ICollectionFixture<SharedRedisCluster>
{
    public const string Name = "redis-cluster";
}
