namespace AssistBot.Bot.Storage;

/// <summary>For <see cref="IClaimStore.TryClaimGuardedAsync"/>: a key that must be free or hold <see cref="Value"/>.</summary>
public readonly record struct ClaimGuard(string Key, string Value, TimeSpan TimeToLive);

public enum ClaimOutcome
{
    /// <summary>The claim was free and is now held by the caller.</summary>
    Claimed,

    /// <summary>Someone holds the claim already (e.g. a retry of a delivery being handled).</summary>
    AlreadyClaimed,

    /// <summary>The guard key holds another value; nothing was claimed or stored.</summary>
    GuardMismatch,
}
