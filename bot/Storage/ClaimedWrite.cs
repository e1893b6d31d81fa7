namespace AssistBot.Bot.Storage;

/// <summary>
/// One item of <see cref="IClaimStore.ClaimAndWriteManyAsync{T}"/>: the claim that makes it happen once, the document it
/// stores and the index member that finds it.
/// </summary>
public sealed record ClaimedWrite<T>(string ClaimKey, string DocumentKey, T Document, string Index, string Member, double Score);
