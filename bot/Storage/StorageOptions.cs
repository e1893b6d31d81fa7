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
    /// Replicas that must hold a write (Redis WAIT) before the bot tells a farmer their declaration is received. Not set
    /// (the default): 1 when every master has at least one replica connected at the first acknowledged write, else 0 —
    /// so a failover loses no acknowledged declaration without anyone having to remember this setting. 0 waits for none
    /// (a standalone Redis without replicas, the embedded store); a number waits for that many.
    /// </summary>
    public int? AcknowledgedWriteReplicas { get; set; }

    /// <summary>How long one WAIT may hold the node's connection before the write counts as not yet confirmed.</summary>
    public int AcknowledgedWriteTimeoutMilliseconds { get; set; } = 500;

    public bool UseRedis => !string.IsNullOrWhiteSpace(Redis);
}
