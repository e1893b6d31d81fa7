using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AssistBot.Bot.Storage;

/// <summary>
/// <see cref="IWriteReplication"/> with Redis's <c>WAIT numreplicas timeout</c>. WAIT counts the writes of the connection
/// it runs on, so it goes to the master owning each key (on a cluster, one WAIT per master the keys live on) through the
/// same multiplexer — StackExchange.Redis keeps one interactive connection per node, so that is the connection the writes
/// went over. WAIT holds that connection until the replicas answer (normally a round trip) or the timeout passes, so the
/// timeout is kept short.
/// </summary>
public sealed class RedisWriteReplication(IConnectionMultiplexer connection, IOptions<StorageOptions> options,
    ILogger<RedisWriteReplication> logger) : IWriteReplication
{
    private Task<int>? _replicas;

    public async ValueTask<bool> WaitForReplicasAsync(ReplicatedKeys keys, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var replicas = settings.AcknowledgedWriteReplicas ?? await (_replicas ??= DetectReplicasAsync()).ConfigureAwait(false);
        if (replicas <= 0) return true;
        var redisKeys = keys.Documents.Select(RedisStorage.DocumentKey)
            .Concat((keys.Indexes ?? []).Select(RedisStorage.IndexKey))
            .Concat((keys.Counters ?? []).Select(RedisStorage.CounterKey));
        var db = connection.GetDatabase();
        var masters = new HashSet<System.Net.EndPoint>();
        try
        {
            foreach (var key in redisKeys)
            {
                // No known master for a key (its node just went away): nothing can confirm that write yet.
                if (await db.IdentifyEndpointAsync(key).ConfigureAwait(false) is not { } endpoint) return false;
                masters.Add(endpoint);
            }
            var timeout = Math.Max(1, settings.AcknowledgedWriteTimeoutMilliseconds);
            var nodes = masters.ToList();
            var waits = nodes.Select(m => connection.GetServer(m).ExecuteAsync("WAIT", replicas, timeout)).ToList();
            var acknowledged = await Task.WhenAll(waits).WaitAsync(cancellationToken).ConfigureAwait(false);
            var enough = true;
            for (var i = 0; i < nodes.Count; i++)
            {
                if ((long)acknowledged[i] >= replicas) continue;
                enough = false;
                logger.LogWarning("WAIT on {Master}: {Count} of {Replicas} replicas acknowledged within {Timeout} ms",
                    nodes[i], (long)acknowledged[i], replicas, timeout);
            }
            return enough;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // A master going away mid-WAIT (a failover) is "not confirmed", never an error for the person waiting.
            logger.LogWarning(e, "WAIT for {Replicas} replicas failed", replicas);
            return false;
        }
    }

    /// <summary>
    /// Storage:AcknowledgedWriteReplicas not set: 1 when every master the connection knows has a replica connected
    /// (ROLE), else 0. Decided once per process, at the first acknowledged write, and logged; a replica added
    /// later counts from the next restart, or set the option.
    /// </summary>
    private async Task<int> DetectReplicasAsync()
    {
        try
        {
            var masters = connection.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToList();
            var least = int.MaxValue;
            foreach (var master in masters)
            {
                // ROLE, not INFO: INFO needs the client's admin mode, which a deployment's connection string rarely enables.
                var role = await master.RoleAsync().ConfigureAwait(false);
                least = Math.Min(least, role is Role.Master m ? m.Replicas.Count : 0);
            }
            var replicas = masters.Count > 0 && least >= 1 ? 1 : 0;
            if (replicas == 1)
                logger.LogInformation("Storage:AcknowledgedWriteReplicas not set: every Redis master ({Masters}) has a replica, so a " +
                    "farmer's declaration is confirmed after one replica holds it (WAIT 1)", masters.Count);
            else
                logger.LogInformation("Storage:AcknowledgedWriteReplicas not set: not every Redis master ({Masters}) has a replica, so " +
                    "declarations are confirmed without waiting for one", masters.Count);
            return replicas;
        }
        catch (Exception e) when (e is RedisException or RedisCommandException or TimeoutException)
        {
            // Unknown topology: do not wait (the behaviour before this was detected); try again at the next write.
            logger.LogWarning("Could not read the Redis replication role ({Error}); declarations are confirmed without waiting for a replica",
                e.Message);
            _replicas = null;
            return 0;
        }
    }
}
