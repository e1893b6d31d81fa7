using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>WAIT on the shared standalone Redis, which has no replica (the 3+3 cluster case is the failover test's).</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class RedisWriteReplicationTests(SharedRedis redis)
{
    private RedisWriteReplication Replication(int replicas) => new(redis.Connection,
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
}
