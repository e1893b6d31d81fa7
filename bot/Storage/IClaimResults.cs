namespace AssistBot.Bot.Storage;

/// <summary>
/// The outcome recorded on a claim of <see cref="IClaimStore"/> (the reply to a WeChat delivery, a month's template
/// send), so a retry that finds the key claimed answers the same.
/// </summary>
public interface IClaimResults
{
    /// <summary>
    /// Records the outcome of the work a claim guarded (e.g. the reply to a WeChat delivery) on the claim itself,
    /// keeping its expiry, so a retry that finds the key claimed can answer the same. Returns false when the claim is
    /// no longer held (expired or released).
    /// </summary>
    ValueTask<bool> SetClaimResultAsync(string key, string result, CancellationToken cancellationToken = default);

    /// <summary>The result recorded on a held claim; null while there is none yet, or when the key is not claimed.</summary>
    ValueTask<string?> ReadClaimResultAsync(string key, CancellationToken cancellationToken = default);
}
