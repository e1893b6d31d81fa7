using AssistBot.Scheduler.Outbox;

namespace AssistBot.Scheduler.Delivery;

/// <summary>What <see cref="OutboxDelivery.PlanAsync"/> found: the route a message would take and the routes skipped before it.</summary>
public sealed record RoutePlan(string? Route, IReadOnlyList<OutboxAttempt> Skipped)
{
    /// <summary>"custom（跳过 subscription-long: no-consent）" style, for the preview.</summary>
    public override string ToString() =>
        (Route ?? "none") + (Skipped.Count == 0 ? "" : " (" + string.Join(", ", Skipped.Select(s => $"{s.Route}: {s.Reason}")) + ")");
}
