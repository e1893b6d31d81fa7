namespace AssistBot.Bot.Storage;

/// <summary>The embedded store: SQLite's commit is already durable on disk, so there is nothing to wait for.</summary>
public sealed class DurableOnCommit : IWriteReplication
{
    public ValueTask<bool> WaitForReplicasAsync(ReplicatedKeys keys, CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
}
