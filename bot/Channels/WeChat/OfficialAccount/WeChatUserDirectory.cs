using System.Collections.Concurrent;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// Follow state and last-inbound time of Official Account users. Follow and unfollow events are rare and go to a
/// document per user (<c>wechat/users/{county}/{openid}</c>); the last-inbound time changes with every message, so
/// it is one score in the scored index <c>wechat/last-inbound/{county}</c>: a single cheap write, no read first.
/// The scheduler reads both to pick customer-service (window open) or template messages, and to skip users who
/// unfollowed.
/// </summary>
public sealed class WeChatUserDirectory(IDocumentStore documents, IScoredIndex scoredIndex, TimeProvider time,
    IOptions<RetentionOptions>? retention = null)
{
    /// <summary>The follower record lives this long after its last change; the index is trimmed by <see cref="RetentionSweeper"/>.</summary>
    private readonly TimeSpan _retention = retention?.Value.Conversation ?? new RetentionOptions().Conversation;

    /// <summary>The customer-service window the platform allows after a user's message.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(48);

    // The window is measured in hours, so the last-inbound time need not be written on every message: each
    // instance writes it at most once per user per interval (at most this much early on the 48-hour edge).
    private static readonly TimeSpan InboundWriteInterval = TimeSpan.FromMinutes(10);
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every bucket lock; reading it on each message made this the most contended
    // lock of the WeChat hot path. The size is tracked here instead (approximate under races; it only bounds memory).
    private int _remembered;

    public static string Key(string countyId, string openId) => $"wechat/users/{countyId}/{openId}";

    public static string LastInboundIndex(string countyId) => "wechat/last-inbound/" + countyId;

    public async ValueTask<WeChatUserRecord?> GetAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var document = documents.ReadAsync<WeChatUserRecord>(Key(countyId, openId), cancellationToken).AsTask();
        var score = scoredIndex.IndexScoreAsync(LastInboundIndex(countyId), openId, cancellationToken).AsTask();
        var record = (await document.ConfigureAwait(false))?.Value;
        var lastInbound = await score.ConfigureAwait(false) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : (DateTimeOffset?)null;
        if (record is null && lastInbound is null) return null;
        record ??= new WeChatUserRecord();
        if (lastInbound is null || lastInbound <= record.LastInboundAt) return record;
        // A message after the unfollow proves the user follows again (even if the subscribe event was missed).
        return record with { LastInboundAt = lastInbound, Subscribed = record.Subscribed || lastInbound > record.UnsubscribedAt };
    }

    /// <summary>Whether a customer-service message can reach the user now (followed, wrote within 48 hours).</summary>
    public async ValueTask<bool> IsCustomerServiceWindowOpenAsync(string countyId, string openId,
        CancellationToken cancellationToken = default)
    {
        var user = await GetAsync(countyId, openId, cancellationToken).ConfigureAwait(false);
        return user is { Subscribed: true, LastInboundAt: { } last } && time.GetUtcNow() - last < CustomerServiceWindow;
    }

    public async ValueTask RecordSubscribedAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await documents.UpdateAsync<WeChatUserRecord>(Key(countyId, openId),
            u => (u ?? new WeChatUserRecord()) with { Subscribed = true, SubscribedAt = now, LastInboundAt = now },
            cancellationToken: cancellationToken, timeToLive: _retention).ConfigureAwait(false);
        await WriteInboundAsync(countyId, openId, now, cancellationToken).ConfigureAwait(false);
        Remember(countyId + "/" + openId, now);
    }

    public async ValueTask RecordUnsubscribedAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await documents.UpdateAsync<WeChatUserRecord>(Key(countyId, openId),
            u => (u ?? new WeChatUserRecord()) with { Subscribed = false, UnsubscribedAt = now },
            cancellationToken: cancellationToken, timeToLive: _retention).ConfigureAwait(false);
        await scoredIndex.IndexRemoveAsync(LastInboundIndex(countyId), openId, cancellationToken).ConfigureAwait(false);
        if (_lastWritten.TryRemove(countyId + "/" + openId, out _)) Interlocked.Decrement(ref _remembered);
    }

    /// <summary>Notes that the user wrote just now (throttled per instance; see <see cref="InboundWriteInterval"/>).</summary>
    public ValueTask RecordInboundAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var id = countyId + "/" + openId;
        if (_lastWritten.TryGetValue(id, out var last) && now - last < InboundWriteInterval) return ValueTask.CompletedTask;
        Remember(id, now);
        return WriteInboundAsync(countyId, openId, now, cancellationToken);
    }

    /// <summary>Retention: removes last-message entries older than <paramref name="cutoff"/>; returns how many.</summary>
    /// <remarks>Also trims the click/follow/scan index (<see cref="CustomerServiceQuota.EventIndex"/>): it matters for a minute only.</remarks>
    public async ValueTask<long> ForgetInboundBeforeAsync(string countyId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var events = await scoredIndex.IndexRemoveRangeByScoreAsync(CustomerServiceQuota.EventIndex(countyId), double.NegativeInfinity,
            (time.GetUtcNow() - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        return events + await scoredIndex.IndexRemoveRangeByScoreAsync(LastInboundIndex(countyId), double.NegativeInfinity,
            cutoff.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"删除我的信息": the follower record and the last-message entry of one user.</summary>
    public async ValueTask ForgetAsync(string countyId, string openId, CancellationToken cancellationToken = default)
    {
        await documents.DeleteAsync(Key(countyId, openId), cancellationToken).ConfigureAwait(false);
        await scoredIndex.IndexRemoveAsync(LastInboundIndex(countyId), openId, cancellationToken).ConfigureAwait(false);
        await scoredIndex.IndexRemoveAsync(CustomerServiceQuota.EventIndex(countyId), openId, cancellationToken).ConfigureAwait(false);
        if (_lastWritten.TryRemove(countyId + "/" + openId, out _)) Interlocked.Decrement(ref _remembered);
    }

    private void Remember(string id, DateTimeOffset now)
    {
        if (Volatile.Read(ref _remembered) >= MaxRemembered)
        {
            _lastWritten.Clear();
            Volatile.Write(ref _remembered, 0);
        }
        if (_lastWritten.TryAdd(id, now)) Interlocked.Increment(ref _remembered);
        else _lastWritten[id] = now;
    }

    private ValueTask WriteInboundAsync(string countyId, string openId, DateTimeOffset now, CancellationToken cancellationToken) =>
        scoredIndex.IndexAddAsync(LastInboundIndex(countyId), openId, now.ToUnixTimeMilliseconds(), cancellationToken);
}
