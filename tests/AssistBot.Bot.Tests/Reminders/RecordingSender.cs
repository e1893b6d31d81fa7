using System.Collections.Concurrent;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>A sender that records every delivered message (and when) and always succeeds.</summary>
public sealed class RecordingSender(TimeProvider time) : IMessageSender
{
    public sealed record Sent(string County, string Channel, string UserId, string Text, DateTimeOffset At, string? TemplateKind);

    public ConcurrentQueue<Sent> Messages { get; } = new();

    public ValueTask<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue(new Sent(countyId, recipient.Channel, recipient.UserId, text, time.GetUtcNow(), null));
        return ValueTask.FromResult(SendOutcome.Ok);
    }

    public ValueTask<SendOutcome> SendTemplateAsync(string countyId, OutboxRecipient recipient, OutboxTemplate template,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Messages.Enqueue(new Sent(countyId, recipient.Channel, recipient.UserId, template.Fields.GetValueOrDefault("first") ?? "",
            time.GetUtcNow(), template.Kind));
        return ValueTask.FromResult(SendOutcome.Ok);
    }
}
