using System.Security.Cryptography;

namespace AssistBot.Bot.Storage;

internal static class ETags
{
    /// <summary>A fresh random ETag: 16 hex characters, unique enough that two writers never pick the same one.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
