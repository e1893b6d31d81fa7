namespace AssistBot.Bot.Storage;

internal static class ETags
{
    /// <summary>
    /// A fresh random ETag: 16 hex characters, unique enough that two writers never pick the same one. It only has to
    /// be unique, not unpredictable, so the fast shared generator is used rather than the cryptographic one (which
    /// cost ~2% of the CPU of a WeChat message under load).
    /// </summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
