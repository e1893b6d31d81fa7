using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using StackExchange.Redis;

namespace AssistBot.Bot.Tests.Storage;

[Collection(SharedRedisCollection.Name)]
public sealed class RedisStorageTests(SharedRedis redis) : StorageContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);

    [Fact]
    public async Task Keys_are_namespaced_with_the_assistbot_prefix()
    {
        var key = $"test/prefix/{Guid.NewGuid():N}";
        await Storage.WriteAsync(key, new { a = 1 }, WriteCondition.Always);
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync("assistbot:doc:" + key));
    }
}

[Collection(SharedRedisCollection.Name)]
public sealed class RedisStorageBatchTests(SharedRedis redis) : StorageBatchContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}

/// <summary>Stops and restarts a private Redis under a live store: it must recover without being recreated.</summary>
public sealed class RedisRestartTests
{
    [Fact]
    public async Task Store_works_again_after_the_redis_server_restarts()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(
            StorageServiceCollectionExtensions.CreateRedisOptions(server.Configuration));
        var storage = new RedisStorage(connection);
        await storage.WriteAsync("before", new { v = 1 }, WriteCondition.Always);

        await server.StopAsync();
        await Assert.ThrowsAnyAsync<Exception>(async () => await storage.PingAsync());
        await server.StartAgainAsync();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await storage.WriteAsync("after", new { v = 2 }, WriteCondition.Always);
                break;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
        Assert.NotNull(await storage.ReadAsync<Dictionary<string, int>>("after"));
    }
}

/// <summary>The same contract on a 3-master Redis Cluster: every multi-key call must stay within one hash slot.</summary>
[Collection(SharedRedisClusterCollection.Name)]
public sealed class RedisClusterStorageTests(SharedRedisCluster redis) : StorageContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}

[Collection(SharedRedisClusterCollection.Name)]
public sealed class RedisClusterStorageBatchTests(SharedRedisCluster redis) : StorageBatchContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}
