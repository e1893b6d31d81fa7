using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Telemetry;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Delivers due outbox messages: WeChat farmers by customer-service message inside the 48-hour window, else by the
/// county's template message; when the farmer cannot be reached, the fallback recipient (their cadre, on WeCom)
/// gets the fallback text. Transient errors are retried with exponential backoff; permanent ones are recorded.
/// </summary>
public sealed class OutboxDelivery(IOutbox outbox, IMessageSender sender, ChannelRateLimiter limiter, DeliveryOptions options,
    TimeProvider time, ILogger<OutboxDelivery> logger)
{
    /// <summary>Takes one batch of due messages and tries each once; returns how many were taken.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var batch = await outbox.TakeDueAsync(time.GetUtcNow(), options.BatchSize, options.Lease, cancellationToken)
            .ConfigureAwait(false);
        foreach (var entry in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DeliverAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        return batch.Count;
    }

    /// <summary>Runs rounds until nothing is due (for tests and the CLI).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int taken;
        while ((taken = await RunOnceAsync(cancellationToken).ConfigureAwait(false)) > 0) total += taken;
        return total;
    }

    private async Task DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        DeliveryResult result;
        try
        {
            result = await TryRoutesAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = DeliveryResult.Transient($"{e.GetType().Name}: {e.Message}");
        }

        if (result.Via is not null)
        {
            await outbox.MarkSentAsync(entry.Id, result.Via, cancellationToken).ConfigureAwait(false);
            DeliveryTelemetry.Sent(message.Kind, result.Via);
            logger.LogInformation("Outbox {Id} ({Kind}) sent via {Via}", entry.Id, message.Kind, result.Via);
        }
        else if (result.IsTransient && entry.Attempts + 1 < options.MaxAttempts)
        {
            var delay = RetryDelay(entry.Attempts);
            await outbox.RetryAtAsync(entry.Id, time.GetUtcNow() + delay, result.Reason, cancellationToken).ConfigureAwait(false);
            DeliveryTelemetry.NotSent(message.Kind, willRetry: true, result.Reason);
            logger.LogWarning("Outbox {Id} ({Kind}) failed transiently ({Reason}); retry in {Delay}", entry.Id, message.Kind,
                result.Reason, delay);
        }
        else
        {
            var reason = result.IsTransient ? $"gave up after {entry.Attempts + 1} attempts: {result.Reason}" : result.Reason;
            await outbox.MarkFailedAsync(entry.Id, reason, cancellationToken).ConfigureAwait(false);
            DeliveryTelemetry.NotSent(message.Kind, willRetry: false, result.Reason);
            logger.LogWarning("Outbox {Id} ({Kind}) failed: {Reason}", entry.Id, message.Kind, reason);
        }
    }

    /// <summary>Exponential backoff: base × 2^attempts, capped.</summary>
    public TimeSpan RetryDelay(int attemptsSoFar)
    {
        var factor = Math.Pow(2, Math.Min(attemptsSoFar, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay;
    }

    private async Task<DeliveryResult> TryRoutesAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var recipient = message.Recipient;
        if (recipient.Channel == OutboxRecipient.None) return DeliveryResult.Permanent($"nobody to send to: {recipient.UserId}");
        var primary = await SendTextAsync(message.CountyId, recipient, message.Text, cancellationToken).ConfigureAwait(false);
        if (primary.IsOk) return DeliveryResult.Sent($"{recipient.Channel}:{(recipient.Channel == OutboxRecipient.WeChat ? "custom" : "app")}");

        var outcome = primary;
        if (recipient.Channel == OutboxRecipient.WeChat &&
            primary.Status is SendStatus.OutsideWindow or SendStatus.TooFrequent && message.Template is not null)
        {
            await limiter.WaitAsync(recipient.Channel, cancellationToken).ConfigureAwait(false);
            outcome = await sender.SendTemplateAsync(message.CountyId, recipient, message.Template, message.IdempotencyKey, cancellationToken)
                .ConfigureAwait(false);
            if (outcome.IsOk) return DeliveryResult.Sent("wechat:template");
        }

        if (outcome.Status == SendStatus.Transient) return DeliveryResult.Transient(Describe(primary, outcome));

        // The farmer cannot be reached (window closed without a usable template, unsubscribed, invalid): hand over.
        if (message.FallbackRecipient is { } fallback)
        {
            var text = message.FallbackText ?? message.Text;
            var handed = await SendTextAsync(message.CountyId, fallback, text, cancellationToken).ConfigureAwait(false);
            if (handed.IsOk) return DeliveryResult.Sent($"{fallback.Channel}:fallback");
            return handed.Status == SendStatus.Transient
                ? DeliveryResult.Transient($"{Describe(primary, outcome)}; fallback {handed}")
                : DeliveryResult.Permanent($"{Describe(primary, outcome)}; fallback {handed}");
        }
        return DeliveryResult.Permanent(Describe(primary, outcome));
    }

    private async Task<SendOutcome> SendTextAsync(string countyId, OutboxRecipient recipient, string text,
        CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(recipient.Channel, cancellationToken).ConfigureAwait(false);
        return await sender.SendTextAsync(countyId, recipient, text, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(SendOutcome primary, SendOutcome last) =>
        primary == last ? primary.ToString() : $"{primary}; template {last}";

    private readonly record struct DeliveryResult(string? Via, bool IsTransient, string Reason)
    {
        public static DeliveryResult Sent(string via) => new(via, false, "");

        public static DeliveryResult Transient(string reason) => new(null, true, reason);

        public static DeliveryResult Permanent(string reason) => new(null, false, reason);
    }
}
