namespace AssistBot.Bot.Storage;

/// <summary>
/// One item of <see cref="IClaimStore.ClaimAndWriteManyAsync{T}"/>: the write-once document (its existence is the claim
/// that makes it happen once) and the index member that finds it.
/// </summary>
public sealed record ClaimedWrite<T>(string DocumentKey, T Document, string Index, string Member, double Score);
