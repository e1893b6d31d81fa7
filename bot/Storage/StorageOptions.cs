namespace AssistBot.Bot.Storage;

/// <summary>Binds <c>Storage</c> in appsettings.json.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A StackExchange.Redis configuration string. Empty: the embedded store is used.</summary>
    public string? Redis { get; set; }

    /// <summary>Where the embedded store (and a generated development key) live; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Replicas that must hold a write (Redis WAIT) before the bot tells a farmer their declaration is received. 0 (the
    /// default) waits for none: right for a standalone Redis without replicas and for the embedded store; set 1 on a
    /// Redis Cluster (or a master) with one replica each.
    /// </summary>
    public int AcknowledgedWriteReplicas { get; set; }

    /// <summary>How long one WAIT may hold the node's connection before the write counts as not yet confirmed.</summary>
    public int AcknowledgedWriteTimeoutMilliseconds { get; set; } = 500;

    public bool UseRedis => !string.IsNullOrWhiteSpace(Redis);
}
