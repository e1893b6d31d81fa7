namespace AssistBot.Bot.Storage;

/// <summary>
/// For <see cref="IClaimStore.ClaimFieldsAsync"/>: a batch of claims that are fields of one shared hash
/// (<see cref="Hash"/>), and where to record the fields this batch won: the document <see cref="BatchDocument"/> (a
/// <c>string[]</c>) and the member <see cref="BatchDocument"/> of the scored index <see cref="Index"/> at
/// <see cref="Score"/>. The three keys must share a hash tag (<c>{...}</c>).
/// </summary>
public sealed record FieldClaims(string Hash, IReadOnlyList<string> Fields, TimeSpan Lifetime, string BatchDocument, string Index,
    double Score);
