namespace AssistBot.Bot.Cases;

/// <summary>
/// One page of a keyset sweep over a county's records: the records found and the cursor to pass for the next page
/// (null when this was the last). A page may hold fewer records than asked for when an index entry has no record.
/// </summary>
public sealed record CasePage<T>(IReadOnlyList<T> Items, string? Next);
