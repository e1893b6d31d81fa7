using AssistBot.Bot.Storage;
using StackExchange.Redis;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// The Redis the test run shares. test.sh starts one and sets ASSISTBOT_TEST_REDIS; then it must be reachable or
/// the tests fail (they never skip). Without the variable a private redis-server is started for the run.
/// </summary>
public sealed class SharedRedis : IAsyncLifetime
{
    private RedisServer? _ownServer;

    public string Configuration { get; private set; } = "";

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ASSISTBOT_TEST_REDIS");
        if (string.IsNullOrWhiteSpace(configured))
        {
            _ownServer = await RedisServer.StartAsync();
            configured = _ownServer.Configuration;
        }
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
