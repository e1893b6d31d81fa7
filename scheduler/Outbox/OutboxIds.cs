using System.Security.Cryptography;
using System.Text;

namespace AssistBot.Scheduler.Outbox;

/// <summary>Stable, storage-safe ids for idempotency keys (which may contain Chinese or separators).</summary>
public static class OutboxIds
{
    public static string FromIdempotencyKey(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
