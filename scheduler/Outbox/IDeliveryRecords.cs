namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// A farmer-facing message that did not reach the farmer on their own channel: not sent yet after attempts, given up,
/// or passed to the cadre. <see cref="LastReason"/> is the last farmer-side route's reason (a
/// <see cref="Delivery.DeliveryReasons"/> word or an errcode), <see cref="LastRoute"/> that route.
/// </summary>
public sealed record NotReachedEntry(
    string Id,
    string CountyId,
    string Kind,
    string? Subject,
    string? Title,
    OutboxRecipient Recipient,
    OutboxStatus Status,
    string? DeliveredVia,
    string? LastRoute,
    string? LastReason,
    DateTimeOffset DueAt,
    IReadOnlyList<OutboxAttempt> Trail);

/// <summary>
/// Read-only questions about what delivery did, for the staff console and the admin view ("farmers no reminder
/// reached"). Implemented by the outbox store.
/// </summary>
public interface IDeliveryRecords
{
    /// <summary>
    /// Farmer-facing entries of <paramref name="countyId"/> due on <paramref name="day"/> (China time) that did not reach
    /// the farmer directly: failed, still pending after an attempt, or delivered only through the cadre.
    /// </summary>
    ValueTask<IReadOnlyList<NotReachedEntry>> ListNotReachedAsync(string countyId, DateOnly day, int take = 500,
        CancellationToken cancellationToken = default);
}
