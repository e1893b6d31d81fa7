using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>WAIT on the shared standalone Redis, which has no replica (the 3+3 cluster case is the failover test's).</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class RedisWriteReplicationTests(SharedRedis redis)
{
    private RedisWriteReplication Replication(int? replicas) => new(redis.Connection,
        Options.Create(new StorageOptions { AcknowledgedWriteReplicas = replicas, AcknowledgedWriteTimeoutMilliseconds = 100 }),
        NullLogger<RedisWriteReplication>.Instance);

    [Fact]
    public async Task Without_a_replica_a_required_copy_is_not_confirmed_and_none_required_confirms_at_once()
    {
        var storage = new RedisStorage(redis.Connection);
        var key = $"test/replicated/{Guid.NewGuid():N}";
        await storage.WriteAsync(key, new { a = 1 }, WriteCondition.Always);
        await storage.IndexAddAsync(key + "/idx", "m", 1);
        var written = new ReplicatedKeys([key], [key + "/idx"]);

        Assert.False(await Replication(1).WaitForReplicasAsync(written));
        Assert.True(await Replication(0).WaitForReplicasAsync(written));
        Assert.True(await new DurableOnCommit().WaitForReplicasAsync(written));
    }

    [Fact]
    public async Task Not_set_it_waits_for_a_replica_only_where_every_master_has_one()
    {
        var storage = new RedisStorage(redis.Connection);
        var key = $"test/replicated/{Guid.NewGuid():N}";
        await storage.WriteAsync(key, new { a = 1 }, WriteCondition.Always);
        // The shared Redis has no replica: nothing to wait for, confirmed at once.
        Assert.True(await Replication(null).WaitForReplicasAsync(new ReplicatedKeys([key], [])));

        await using var master = await RedisServer.StartAsync();
        await using var replica = await RedisServer.StartAsync("--replicaof", "127.0.0.1", master.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(master.Configuration);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await connection.GetServers()[0].RoleAsync() is not StackExchange.Redis.Role.Master { Replicas.Count: > 0 })
        {
            Assert.True(DateTime.UtcNow < deadline, "the replica did not connect within 10 s");
            await Task.Delay(100);
        }
        var withReplica = new RedisStorage(connection);
        await withReplica.WriteAsync(key, new { a = 2 }, WriteCondition.Always);
        var auto = new RedisWriteReplication(connection,
            Options.Create(new StorageOptions { AcknowledgedWriteTimeoutMilliseconds = 2000 }), NullLogger<RedisWriteReplication>.Instance);
        Assert.True(await auto.WaitForReplicasAsync(new ReplicatedKeys([key], [])));

        // The replica goes away: the copy the farmer is told about can no longer be confirmed (auto chose WAIT 1).
        await replica.StopAsync();
        await withReplica.WriteAsync(key, new { a = 3 }, WriteCondition.Always);
        Assert.False(await auto.WaitForReplicasAsync(new ReplicatedKeys([key], [])));
    }
}
