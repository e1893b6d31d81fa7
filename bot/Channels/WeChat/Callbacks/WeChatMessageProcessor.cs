using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Observability;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;
using ChannelIds = AssistBot.Bot.Conversation.Schema.Channels;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// One verified, decrypted callback message in → the passive reply text out ("" = answer "success").
/// Shared by the Official Account and WeCom endpoints: rate limit, map to an activity, process each delivery
/// once across retries and instances (claim in storage), run the turn within the 5-second rule, and push what
/// does not fit or comes late through the channel's send API.
/// </summary>
public sealed class WeChatMessageProcessor(
    IServiceProvider services,
    IClaimStore storage, IClaimResults claimResults,
    ConversationState conversationState,
    ConversationLocks conversationLocks,
    WeChatRateLimiter rateLimiter,
    WeChatUserDirectory users,
    CustomerServiceQuota quota,
    StorageOutageLog outage,
    IOptionsMonitor<WeChatChannelOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<WeChatMessageProcessor> logger)
{
    private static readonly TimeSpan RetryPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Processes one message; returns the passive reply, or null when <paramref name="replay"/>'s (timestamp, nonce)
    /// pair already carried another message (a replayed signature with a forged body: nothing is processed or stored,
    /// the endpoint answers 403). The pair is remembered for twice the timestamp skew allowed, on the same storage
    /// call that claims the MsgId, so the check costs no extra round trip.
    /// </summary>
    public async Task<string?> ProcessAsync(County county, string channelId, WeChatInboundMessage message,
        WeChatPushSender push, CancellationToken requestAborted, WeChatReplayCheck? replay = null)
    {
        var userId = message.FromUserName!;
        if (!rateLimiter.TryAcquire(string.Concat(channelId, ":", county.Id, ":", userId)))
        {
            logger.LogInformation("Rate limit: dropped a {Channel} message for {County} from {User}", channelId, county.Id, userId);
            return WeChatTexts.TooFast;
        }

        if (channelId == ChannelIds.WeChat && Subscriptions.SubscriptionEventHandler.Handles(message))
        {
            await services.GetRequiredService<Subscriptions.SubscriptionEventHandler>().HandleAsync(county, message, requestAborted).ConfigureAwait(false);
            return "";
        }

        var action = WeChatActivityMapper.Map(message, county.Id, channelId);
        var isOfficialAccount = channelId == ChannelIds.WeChat;
        // The county is the hash tag: the MsgId claim and its (timestamp, nonce) guard are one script call, so on a Redis
        // Cluster they must share a slot, and the guard is found from (timestamp, nonce) alone (whoever sent it).
        var claimKey = string.Concat(channelId, ":msg:{", county.Id, "}:", message.DedupId);
        var settings = options.CurrentValue;
        var guard = replay is { } r
            ? new ClaimGuard(string.Concat(channelId, ":nonce:{", county.Id, "}:", r.Timestamp, ":", r.Nonce), r.BodyDigest,
                2 * settings.MaxTimestampSkew)
            : (ClaimGuard?)null;
        if (action.Activity is not { } activity)
        {
            if (guard is { } g && await IsReplayAsync(claimKey, g, settings, requestAborted).ConfigureAwait(false)) return null;
            if (action.ImmediateReply is not null && isOfficialAccount) _ = RecordInboundInBackgroundAsync(county.Id, userId);
            return action.ImmediateReply ?? "";
        }

        // The conversation state is read together with the claim (one round trip), unless a turn of this conversation
        // is already running here and is about to change it.
        var prefetch = conversationLocks.IsBusy(ConversationLocks.KeyFor(activity))
            ? null
            : conversationState.BeginRead(ConversationState.GetStorageKey(activity));
        bool claimed;
        try
        {
            if (guard is { } g)
            {
                var outcome = await storage.TryClaimGuardedAsync(claimKey, settings.DedupWindow, g, requestAborted).ConfigureAwait(false);
                if (outcome == ClaimOutcome.GuardMismatch)
                {
                    Observe(prefetch);
                    logger.LogWarning("Rejected a {Channel} callback for {County}: timestamp/nonce already used for another message",
                        channelId, county.Id);
                    return null;
                }
                claimed = outcome == ClaimOutcome.Claimed;
            }
            else
            {
                claimed = await storage.TryClaimAsync(claimKey, settings.DedupWindow, requestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Observe(prefetch);
            // Storage is down: nothing can be processed once-only or saved, so say so politely instead of a 500
            // (which WeChat shows as "该公众号暂时无法提供服务").
            if (!outage.TurnFailed(e)) logger.LogError(e, "Could not claim {Key}", claimKey);
            return WeChatTexts.TurnFailed;
        }
        outage.Reachable();
        if (!claimed)
        {
            AssistBotTelemetry.RetriesDropped.Add(1, new KeyValuePair<string, object?>("channel", channelId));
            Observe(prefetch);
            return await WaitForFirstDeliveryAsync(claimKey, settings.RetryReplyWait, requestAborted).ConfigureAwait(false);
        }

        if (isOfficialAccount) await RecordFollowerAsync(county, activity, userId).ConfigureAwait(false);

        // The turn must outlive this request: WeChat hangs up after 5 s but the reply still goes out by push.
        var turn = RunTurnAsync(county, activity, prefetch, lifetime.ApplicationStopping);
        if (!turn.IsCompleted)
        {
            try
            {
                await turn.WaitAsync(settings.PassiveReplyTimeout, time, requestAborted).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                logger.LogInformation("{Channel} turn for {County}/{User} exceeded {Timeout}; answering success and pushing later",
                    channelId, county.Id, userId, settings.PassiveReplyTimeout);
                StoreReply(claimKey, "", deferred: true);
                CountReply(channelId, "deferred");
                _ = PushWhenDoneAsync(turn, userId, push, settings.MaxPassiveReplyBytes);
                return "";
            }
            catch (OperationCanceledException)
            {
                // The platform hung up; the turn keeps running and pushes its reply.
                StoreReply(claimKey, "", deferred: true);
                _ = PushWhenDoneAsync(turn, userId, push, settings.MaxPassiveReplyBytes);
                throw;
            }
        }

        var text = await turn.ConfigureAwait(false);
        if (IsUnsubscribe(activity)) text = ""; // nothing can reach a user who just unfollowed
        var parts = WeChatReplyRenderer.Split(text, settings.MaxPassiveReplyBytes);
        var passive = parts.Count > 0 ? parts[0] : "";
        StoreReply(claimKey, passive, deferred: false);
        CountReply(channelId, "passive");
        if (parts.Count > 1) _ = PushAsync(parts, 1, userId, push);
        return passive;
    }

    private static void CountReply(string channelId, string kind) =>
        AssistBotTelemetry.Replies.Add(1, new KeyValuePair<string, object?>("channel", channelId), new KeyValuePair<string, object?>("kind", kind));

    /// <summary>For a message that needs no turn (an immediate reply): only the replay check, with the same claim.</summary>
    private async Task<bool> IsReplayAsync(string claimKey, ClaimGuard guard, WeChatChannelOptions settings, CancellationToken ct)
    {
        try
        {
            if (await storage.TryClaimGuardedAsync(claimKey, settings.DedupWindow, guard, ct).ConfigureAwait(false) != ClaimOutcome.GuardMismatch)
                return false;
            logger.LogWarning("Rejected a callback: timestamp/nonce already used for another message ({Key})", guard.Key);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage is down: nothing will be stored either; the fixed immediate reply is harmless.
            return false;
        }
    }

    private async Task<string> RunTurnAsync(County county, Activity activity, StatePrefetch? prefetch, CancellationToken cancellationToken)
    {
        try
        {
            var turns = services.GetRequiredService<TurnRunner>();
            var result = await turns.RunAsync(activity, county,
                prefetch is null ? null : ctx => conversationState.UsePrefetch(ctx, prefetch), cancellationToken).ConfigureAwait(false);
            return WeChatReplyRenderer.Render(result.Replies);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!outage.TurnFailed(e))
                logger.LogError(e, "{Channel} turn failed for {County}/{User}", activity.ChannelId, county.Id, activity.From?.Id);
            return WeChatTexts.TurnFailed;
        }
    }

    private async Task RecordFollowerAsync(County county, Activity activity, string userId)
    {
        try
        {
            if (activity.MembersAdded is { Count: > 0 })
            {
                await users.RecordSubscribedAsync(county.Id, userId).ConfigureAwait(false);
                await quota.RecordEventAsync(county.Id, userId).ConfigureAwait(false); // a follow: 3 messages within a minute
            }
            else if (IsUnsubscribe(activity)) await users.RecordUnsubscribedAsync(county.Id, userId).ConfigureAwait(false);
            else if (activity.Type == ActivityTypes.Message) _ = RecordInboundInBackgroundAsync(county.Id, userId);
            // A menu click or a scan opens a short customer-service window (3 within a minute): one index write, only for these events.
            else if (activity.Name is WeChatActivityMapper.MenuClickEvent or WeChatActivityMapper.ScanEvent)
                await quota.RecordEventAsync(county.Id, userId).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The follower record helps later pushes; it must not cost the user this reply.
            if (!StorageOutageLog.IsOutage(e)) logger.LogWarning(e, "Could not record follower state for {County}/{User}", county.Id, userId);
        }
    }

    /// <summary>The last-inbound time is for later pushes, not this reply: it is written off the reply path.</summary>
    private async Task RecordInboundInBackgroundAsync(string countyId, string userId)
    {
        try
        {
            await users.RecordInboundAsync(countyId, userId).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (StorageOutageLog.IsOutage(e)) outage.Unreachable(e);
            else logger.LogWarning(e, "Could not record the last message time for {County}/{User}", countyId, userId);
        }
    }

    /// <summary>A prefetch nobody will use: its failure (storage down) must not surface as an unobserved exception.</summary>
    private static void Observe(StatePrefetch? prefetch) =>
        prefetch?.Read.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

    private static bool IsUnsubscribe(Activity activity) => activity.MembersRemoved is { Count: > 0 };

    /// <summary>A retry of a delivery that another request (maybe on another instance) is handling.</summary>
    private async Task<string> WaitForFirstDeliveryAsync(string claimKey, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (await claimResults.ReadClaimResultAsync(claimKey, cancellationToken).ConfigureAwait(false) is { } reply) return reply;
            if (time.GetUtcNow() >= deadline) return "";
            await Task.Delay(RetryPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Keeps the passive reply on the delivery's claim for retries of the same delivery ("" when it went out by push).
    /// Not awaited: it is off the reply path.
    /// </summary>
    private void StoreReply(string claimKey, string text, bool deferred) => _ = StoreReplyAsync(claimKey, deferred ? "" : text);

    private async Task StoreReplyAsync(string claimKey, string reply)
    {
        try
        {
            await claimResults.SetClaimResultAsync(claimKey, reply).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (!StorageOutageLog.IsOutage(e)) logger.LogWarning(e, "Could not store the reply for {Key}; a retry will answer success", claimKey);
        }
    }

    private async Task PushWhenDoneAsync(Task<string> turn, string userId, WeChatPushSender push, int maxBytes)
    {
        try
        {
            var text = await turn.ConfigureAwait(false);
            await PushAsync(WeChatReplyRenderer.Split(text, maxBytes), 0, userId, push).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Late reply for {User} could not be pushed", userId);
        }
    }

    private async Task PushAsync(List<string> parts, int from, string userId, WeChatPushSender push)
    {
        for (var i = from; i < parts.Count; i++)
        {
            if (parts[i].Length == 0) continue;
            try
            {
                var result = await push(userId, parts[i], lifetime.ApplicationStopping).ConfigureAwait(false);
                if (!result.IsOk)
                {
                    logger.LogWarning("Pushing reply part {Part}/{Count} to {User} failed: {Result}", i + 1, parts.Count, userId, result);
                    return;
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "Pushing reply part {Part}/{Count} to {User} failed", i + 1, parts.Count, userId);
                return;
            }
        }
    }
}
