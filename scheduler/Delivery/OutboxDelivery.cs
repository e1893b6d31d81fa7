using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Telemetry;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Delivery;

/// <summary>
/// Delivers due outbox messages. A farmer's message tries the county's routes in order
/// (<see cref="DeliveryOptions.OrderFor"/>: long-term 订阅通知, customer-service message, one-time 订阅通知, template
/// message, the responsible cadre) and records on the entry each route tried and why it was skipped. A cadre's
/// messages of one round go out together (one task card, or one digest card), within WeCom's per-member limits.
/// Transient errors are retried with exponential backoff; permanent ones are recorded.
/// </summary>
public sealed class OutboxDelivery(IOutbox outbox, IMessageSender sender, ChannelRateLimiter limiter, DeliveryOptions options,
    TimeProvider time, ILogger<OutboxDelivery> logger, ISendBudget? budget = null, PointerExpansion? expansion = null)
{
    private readonly ISendBudget _budget = budget ?? new InMemorySendBudget(time);

    /// <summary>
    /// Takes one batch of due messages and tries each once; when fewer than a batch were due, first turns due reminder
    /// pointers into messages (<see cref="PointerExpansion"/>). Returns how many messages were taken plus how many
    /// pointers were expanded (0: nothing to do).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var batch = await outbox.TakeDueAsync(time.GetUtcNow(), options.BatchSize, options.Lease, cancellationToken)
            .ConfigureAwait(false);
        var expanded = 0;
        if (expansion is not null && batch.Count < options.BatchSize &&
            (expanded = await expansion.ExpandDueAsync(Math.Max(1, options.ExpandBatches), cancellationToken).ConfigureAwait(false)) > 0)
            batch = [.. batch, .. await outbox.TakeDueAsync(time.GetUtcNow(), options.BatchSize - batch.Count, options.Lease, cancellationToken)
                .ConfigureAwait(false)];
        // A cadre's items of this round: together, in the order they were due.
        var cadreGroups = batch.Where(e => e.Message.Recipient.Channel == OutboxRecipient.WeCom)
            .GroupBy(e => (e.Message.CountyId, e.Message.Recipient.UserId))
            .ToList();
        foreach (var entry in batch.Where(e => e.Message.Recipient.Channel != OutboxRecipient.WeCom))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await DeliverToFarmerAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        foreach (var group in cadreGroups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = group.ToList();
            if (options.CadreDigest) await DeliverToCadreAsync(entries, cancellationToken).ConfigureAwait(false);
            else
                foreach (var entry in entries)
                    await DeliverToCadreAsync([entry], cancellationToken).ConfigureAwait(false);
        }
        return batch.Count + expanded;
    }

    /// <summary>Runs rounds until nothing is due (for tests and the CLI).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int taken;
        while ((taken = await RunOnceAsync(cancellationToken).ConfigureAwait(false)) > 0) total += taken;
        return total;
    }

    /// <summary>Exponential backoff: base × 2^attempts, capped.</summary>
    public TimeSpan RetryDelay(int attemptsSoFar)
    {
        var factor = Math.Pow(2, Math.Min(attemptsSoFar, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay;
    }

    /// <summary>
    /// The route <paramref name="message"/> would take now, and why each earlier route would be skipped — nothing is
    /// sent or used up (for <c>reminders preview</c>). Route null: nothing would reach anyone.
    /// </summary>
    public async Task<RoutePlan> PlanAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        if (message.Recipient.Channel == OutboxRecipient.WeCom) return new RoutePlan(DeliveryRoutes.WeComApp, []);
        var skipped = new List<OutboxAttempt>();
        var now = time.GetUtcNow();
        foreach (var route in options.OrderFor(message.CountyId))
        {
            var planned = route == DeliveryRoutes.Template && message.Template is { } t
                ? message with { Template = t with { Subject = message.Subject } }
                : message;
            var why = await PrecheckAsync(route, message, cancellationToken).ConfigureAwait(false)
                      ?? await sender.WhyNotAsync(route, planned, cancellationToken).ConfigureAwait(false);
            if (why is null) return new RoutePlan(route, skipped);
            skipped.Add(new OutboxAttempt(now, route, OutboxAttempt.Skipped, why));
        }
        return new RoutePlan(null, skipped);
    }

    /// <summary>What the message itself rules out, before asking the channel.</summary>
    private static ValueTask<string?> PrecheckAsync(string route, OutboxMessage message, CancellationToken _)
    {
        var recipient = message.Recipient;
        string? why = route switch
        {
            DeliveryRoutes.Cadre => message.FallbackRecipient is null ? DeliveryReasons.NotBound : null,
            _ when recipient.Channel != OutboxRecipient.WeChat => DeliveryReasons.NotBound,
            DeliveryRoutes.Template when message.Template is null => DeliveryReasons.NotApplicable,
            _ => null,
        };
        return ValueTask.FromResult(why);
    }

    private async Task DeliverToFarmerAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var message = entry.Message;
        var trail = new List<OutboxAttempt>();
        SendOutcome? transient = null;
        var deferred = false;
        try
        {
            foreach (var route in options.OrderFor(message.CountyId))
            {
                var at = time.GetUtcNow();
                var outcome = await TryRouteAsync(route, message, cancellationToken).ConfigureAwait(false);
                if (outcome.IsOk)
                {
                    trail.Add(new OutboxAttempt(at, route, OutboxAttempt.Sent));
                    await FinishSentAsync(entry, DeliveryRoutes.Via(route), trail, cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (outcome.Status == SendStatus.Skipped && outcome.Detail == DeliveryReasons.RecipientLimit)
                {
                    trail.Add(new OutboxAttempt(at, route, OutboxAttempt.Retry, DeliveryReasons.RecipientLimit));
                    deferred = true;
                    break;
                }
                if (outcome.Status == SendStatus.Transient)
                {
                    trail.Add(new OutboxAttempt(at, route, OutboxAttempt.Retry, outcome.Reason));
                    transient = outcome;
                    break;
                }
                trail.Add(new OutboxAttempt(at, route, outcome.Status == SendStatus.Skipped ? OutboxAttempt.Skipped : OutboxAttempt.Failed,
                    outcome.Reason));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            trail.Add(new OutboxAttempt(time.GetUtcNow(), "error", OutboxAttempt.Retry, e.GetType().Name));
            transient = new SendOutcome(SendStatus.Transient, null, $"{e.GetType().Name}: {e.Message}");
        }

        var summary = Summary(message, trail, transient);
        if (deferred)
        {
            await outbox.RetryAtAsync(entry.Id, NextMinute(), DeliveryReasons.RecipientLimit, trail, countsAsAttempt: false, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        await FinishUnsentAsync(entry, transient is not null, summary, trail, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One route for a farmer's message; <see cref="SendStatus.Skipped"/> when it does not apply.</summary>
    private async Task<SendOutcome> TryRouteAsync(string route, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await PrecheckAsync(route, message, cancellationToken).ConfigureAwait(false) is { } why) return SendOutcome.Skip(why);
        var recipient = message.Recipient;
        var template = message.Template ?? new OutboxTemplate(message.Kind, new Dictionary<string, string>());
        switch (route)
        {
            case DeliveryRoutes.SubscriptionLongTerm:
            case DeliveryRoutes.SubscriptionOneTime:
                await limiter.WaitAsync(recipient.Channel, cancellationToken).ConfigureAwait(false);
                return await sender.SendSubscriptionAsync(message.CountyId, recipient, template with { Kind = message.Kind },
                    route == DeliveryRoutes.SubscriptionLongTerm, cancellationToken).ConfigureAwait(false);
            case DeliveryRoutes.CustomerService:
                await limiter.WaitAsync(recipient.Channel, cancellationToken).ConfigureAwait(false);
                return await sender.SendTextAsync(message.CountyId, recipient, message.Text, cancellationToken).ConfigureAwait(false);
            case DeliveryRoutes.Template:
                await limiter.WaitAsync(recipient.Channel, cancellationToken).ConfigureAwait(false);
                return await sender.SendTemplateAsync(message.CountyId, recipient, message.Template! with { Subject = message.Subject },
                    message.IdempotencyKey, cancellationToken)
                    .ConfigureAwait(false);
            case DeliveryRoutes.Cadre:
                var cadre = message.FallbackRecipient!;
                if (cadre.Channel == OutboxRecipient.WeCom && !await WithinMemberLimitsAsync(message.CountyId, cadre, cancellationToken).ConfigureAwait(false))
                    return SendOutcome.Skip(DeliveryReasons.RecipientLimit);
                await limiter.WaitAsync(cadre.Channel, cancellationToken).ConfigureAwait(false);
                return await sender.SendTextAsync(message.CountyId, cadre, message.FallbackText ?? message.Text, cancellationToken)
                    .ConfigureAwait(false);
            default:
                return SendOutcome.Skip(DeliveryReasons.NotApplicable);
        }
    }

    /// <summary>A cadre's items: one send (a card, or a digest card), within the per-member limits.</summary>
    private async Task DeliverToCadreAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var first = entries[0].Message;
        var at = time.GetUtcNow();
        var route = entries.Count > 1 ? "wecom-digest" : DeliveryRoutes.WeComApp;
        if (!await WithinMemberLimitsAsync(first.CountyId, first.Recipient, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in entries)
                await outbox.RetryAtAsync(entry.Id, NextMinute(), DeliveryReasons.RecipientLimit,
                    [new OutboxAttempt(at, route, OutboxAttempt.Retry, DeliveryReasons.RecipientLimit)], countsAsAttempt: false, cancellationToken)
                    .ConfigureAwait(false);
            logger.LogInformation("{Count} message(s) for a cadre in {County} deferred: per-member limit reached", entries.Count, first.CountyId);
            return;
        }

        SendOutcome outcome;
        try
        {
            await limiter.WaitAsync(OutboxRecipient.WeCom, cancellationToken).ConfigureAwait(false);
            outcome = await sender.SendCadreItemsAsync(first.CountyId, first.Recipient, entries.Select(e => e.Message).ToList(), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new SendOutcome(SendStatus.Transient, null, $"{e.GetType().Name}: {e.Message}");
        }
        foreach (var entry in entries)
        {
            if (outcome.IsOk)
            {
                await FinishSentAsync(entry, entries.Count > 1 ? "wecom:digest" : "wecom:app",
                    [new OutboxAttempt(at, route, OutboxAttempt.Sent)], cancellationToken).ConfigureAwait(false);
                continue;
            }
            var transient = outcome.Status == SendStatus.Transient;
            await FinishUnsentAsync(entry, transient, outcome.ToString(),
                [new OutboxAttempt(at, route, transient ? OutboxAttempt.Retry : OutboxAttempt.Failed, outcome.Reason)], cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>WeCom: ≤ 30 a minute and ≤ 1,000 an hour per member from one app, counted for every instance.</summary>
    private async ValueTask<bool> WithinMemberLimitsAsync(string countyId, OutboxRecipient cadre, CancellationToken cancellationToken)
    {
        if (cadre.Channel != OutboxRecipient.WeCom) return true;
        var key = $"wecom:{countyId}:{cadre.UserId}";
        return await _budget.TryTakeAsync(key + ":min", options.WeComPerMemberPerMinute, TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false)
               && await _budget.TryTakeAsync(key + ":hour", options.WeComPerMemberPerHour, TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false);
    }

    private DateTimeOffset NextMinute()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);
    }

    private async Task FinishSentAsync(OutboxEntry entry, string via, IReadOnlyList<OutboxAttempt> trail, CancellationToken cancellationToken)
    {
        await outbox.MarkSentAsync(entry.Id, via, trail, cancellationToken).ConfigureAwait(false);
        DeliveryTelemetry.Sent(entry.Message.Kind, via);
        logger.LogInformation("Outbox {Id} ({Kind}) sent via {Via}", entry.Id, entry.Message.Kind, via);
    }

    private async Task FinishUnsentAsync(OutboxEntry entry, bool transient, string reason, IReadOnlyList<OutboxAttempt> trail,
        CancellationToken cancellationToken)
    {
        var kind = entry.Message.Kind;
        if (transient && entry.Attempts + 1 < options.MaxAttempts)
        {
            var delay = RetryDelay(entry.Attempts);
            await outbox.RetryAtAsync(entry.Id, time.GetUtcNow() + delay, reason, trail, true, cancellationToken).ConfigureAwait(false);
            DeliveryTelemetry.NotSent(kind, willRetry: true, reason);
            logger.LogWarning("Outbox {Id} ({Kind}) failed transiently ({Reason}); retry in {Delay}", entry.Id, kind, reason, delay);
            return;
        }
        var final = transient ? $"gave up after {entry.Attempts + 1} attempts: {reason}" : reason;
        await outbox.MarkFailedAsync(entry.Id, final, trail, cancellationToken).ConfigureAwait(false);
        DeliveryTelemetry.NotSent(kind, willRetry: false, reason);
        logger.LogWarning("Outbox {Id} ({Kind}) failed: {Reason}", entry.Id, kind, final);
    }

    /// <summary>"-1 system busy" for a transient failure; else every route with its reason, and who was not reachable.</summary>
    private static string Summary(OutboxMessage message, IReadOnlyList<OutboxAttempt> trail, SendOutcome? transient)
    {
        if (transient is { } t) return t.ToString();
        var routes = string.Join("; ", trail.Select(a => $"{a.Route}: {a.Reason}"));
        return message.Recipient.Channel == OutboxRecipient.None
            ? $"nobody to send to: {message.Recipient.UserId}" + (routes.Length == 0 ? "" : $" ({routes})")
            : routes.Length == 0 ? "no route configured" : routes;
    }
}
