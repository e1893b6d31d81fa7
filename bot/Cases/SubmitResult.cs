namespace AssistBot.Bot.Cases;

/// <summary>
/// The outcome of a submission: a new record, or the household's open one (no second record). <see cref="Confirmed"/> is
/// false when the record is saved but its replication could not be confirmed (a Redis failover under way): the farmer is
/// then told it will be confirmed, not that it is safely received.
/// </summary>
public sealed record SubmitResult(Declaration Declaration, bool IsDuplicate, bool Confirmed = true);
