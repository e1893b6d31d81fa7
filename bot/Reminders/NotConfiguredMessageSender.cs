using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// The sender used when no WeChat/WeCom channel is registered: every send is a permanent failure that says so, so the
/// outbox admin view shows why nothing went out instead of messages vanishing.
/// </summary>
public sealed class NotConfiguredMessageSender : IMessageSender
{
    private static readonly SendOutcome NotConfigured = new(SendStatus.Permanent, null, "no WeChat/WeCom channel is configured");

    public ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(NotConfigured);

    public ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default) => ValueTask.FromResult(NotConfigured);
}
