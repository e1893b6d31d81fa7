namespace AssistBot.Bot.Storage;

/// <summary>Binds <c>Storage</c> in appsettings.json.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A StackExchange.Redis configuration string. Empty: the embedded store is used.</summary>
    public string? Redis { get; set; }

    /// <summary>Where the embedded store (and a generated development key) live; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool UseRedis => !string.IsNullOrWhiteSpace(Redis);
}
