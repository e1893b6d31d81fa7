namespace AssistBot.Bot.Storage;

/// <summary>Which store this is and whether it answers, for /healthz, the startup banner and outage logs.</summary>
public interface IStorageHealth
{
    /// <summary>Round trip to the backing store, for health checks. Throws when it is unreachable.</summary>
    ValueTask PingAsync(CancellationToken cancellationToken = default);

    /// <summary>A short name for logs and /healthz (e.g. "redis 127.0.0.1:6379", "embedded data/assistbot.db").</summary>
    string Description { get; }
}
