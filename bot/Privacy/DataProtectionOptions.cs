namespace AssistBot.Bot.Privacy;

/// <summary>Binds <c>DataProtection</c>: the key that encrypts personal data at rest.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>Base64 of 32 random bytes (e.g. <c>openssl rand -base64 32</c>). Empty: a development key is generated.</summary>
    public string Key { get; set; } = "";
}
