namespace AssistBot.Bot.Storage;

/// <summary>
/// Makes a write durable before a person is told it is saved: on Redis with replicas, WAIT until the writes made so far to
/// the given keys have reached <see cref="StorageOptions.AcknowledgedWriteReplicas"/> replicas, so a failover does not
/// lose what was acknowledged. Without replicas configured (and on the embedded store, whose commit is durable) it
/// answers true at once.
/// </summary>
public interface IWriteReplication
{
    /// <summary>True when the writes to these keys are on enough replicas (or none are required); false on a timeout.</summary>
    ValueTask<bool> WaitForReplicasAsync(ReplicatedKeys keys, CancellationToken cancellationToken = default);
}
