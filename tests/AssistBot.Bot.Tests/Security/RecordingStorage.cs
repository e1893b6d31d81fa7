using System.Collections.Concurrent;
using AssistBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Security;

/// <summary>
/// The host's real storage, with every write recorded together with the request that caused it: the request's
/// <see cref="Header"/> value flows (as an AsyncLocal) into everything the request starts, background turns included.
/// A test then asks which requests wrote anything.
/// </summary>
public sealed class RecordingStorage(IStorage inner) : IStorage
{
    public const string Header = "X-Test-Request";

    private static readonly AsyncLocal<string?> CurrentRequest = new();

    private readonly ConcurrentBag<(string? Request, string Key)> _writes = [];

    /// <summary>Keys written while serving <paramref name="request"/> (or work it started).</summary>
    public IReadOnlyList<string> WritesOf(string request) =>
        _writes.Where(w => w.Request == request).Select(w => w.Key).ToList();

    public int WriteCount => _writes.Count;

    /// <summary>Replaces the host's <see cref="IStorage"/> with a recording wrapper and tags requests.</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IStorage));
        services.Remove(original);
        services.AddSingleton(sp => new RecordingStorage(original.ImplementationFactory is { } factory
            ? (IStorage)factory(sp)
            : (IStorage)(original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<RecordingStorage>());
        services.AddTransient<IStartupFilter, TagRequests>();
    }

    private sealed class TagRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                CurrentRequest.Value = context.Request.Headers.TryGetValue(Header, out var tag) ? tag.ToString() : null;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private void Record(string key) => _writes.Add((CurrentRequest.Value, key));

    public ValueTask<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken cancellationToken = default) =>
        inner.ReadAsync<T>(key, cancellationToken);

    public ValueTask<string> WriteAsync<T>(string key, T value, WriteCondition condition, TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        Record(key);
        return inner.WriteAsync(key, value, condition, timeToLive, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        Record(key);
        return inner.DeleteAsync(key, cancellationToken);
    }

    public async ValueTask<ClaimOutcome> TryClaimGuardedAsync(string key, TimeSpan timeToLive, ClaimGuard guard,
        CancellationToken cancellationToken = default)
    {
        var outcome = await inner.TryClaimGuardedAsync(key, timeToLive, guard, cancellationToken);
        if (outcome != ClaimOutcome.GuardMismatch) Record(key); // a refused replay stores nothing
        return outcome;
    }

    public ValueTask<long> IndexRemoveRangeByScoreAsync(string index, double minScore, double maxScore,
        CancellationToken cancellationToken = default)
    {
        Record(index);
        return inner.IndexRemoveRangeByScoreAsync(index, minScore, maxScore, cancellationToken);
    }

    public ValueTask<bool> TryClaimAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        Record(key);
        return inner.TryClaimAsync(key, timeToLive, cancellationToken);
    }

    public ValueTask ReleaseClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        Record(key);
        return inner.ReleaseClaimAsync(key, cancellationToken);
    }

    public ValueTask<bool> SetClaimResultAsync(string key, string result, CancellationToken cancellationToken = default)
    {
        Record(key);
        return inner.SetClaimResultAsync(key, result, cancellationToken);
    }

    public ValueTask<string?> ReadClaimResultAsync(string key, CancellationToken cancellationToken = default) =>
        inner.ReadClaimResultAsync(key, cancellationToken);

    public ValueTask<long> IncrementAsync(string key, long by = 1, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        if (by != 0) Record(key); // by 0 reads a counter (it may create it at 0, which holds nothing)
        return inner.IncrementAsync(key, by, timeToLive, cancellationToken);
    }

    public ValueTask IndexAddAsync(string index, string member, double score, CancellationToken cancellationToken = default)
    {
        Record(index);
        return inner.IndexAddAsync(index, member, score, cancellationToken);
    }

    public ValueTask<bool> IndexRemoveAsync(string index, string member, CancellationToken cancellationToken = default)
    {
        Record(index);
        return inner.IndexRemoveAsync(index, member, cancellationToken);
    }

    public ValueTask<IReadOnlyList<IndexEntry>> IndexRangeByScoreAsync(string index, double minScore, double maxScore, int skip = 0,
        int take = 100, CancellationToken cancellationToken = default) =>
        inner.IndexRangeByScoreAsync(index, minScore, maxScore, skip, take, cancellationToken);

    public ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken cancellationToken = default) =>
        inner.IndexScoreAsync(index, member, cancellationToken);

    public ValueTask PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);

    public string Description => inner.Description;

    public int SlotGroups => inner.SlotGroups;

    public ValueTask<IReadOnlyList<StoreItem<T>?>> ReadManyAsync<T>(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        inner.ReadManyAsync<T>(keys, cancellationToken);

    public ValueTask<IReadOnlyList<IndexEntry>> IndexRangeAfterAsync(string index, double minScore, double maxScore, IndexEntry? after,
        int take, CancellationToken cancellationToken = default) =>
        inner.IndexRangeAfterAsync(index, minScore, maxScore, after, take, cancellationToken);

    public ValueTask<IReadOnlyList<IReadOnlyList<IndexEntry>>> IndexRangeManyAsync(IReadOnlyList<string> indexes, double minScore,
        double maxScore, int take, CancellationToken cancellationToken = default) =>
        inner.IndexRangeManyAsync(indexes, minScore, maxScore, take, cancellationToken);

    public ValueTask<IReadOnlyList<bool>> ClaimAndWriteManyAsync<T>(IReadOnlyList<ClaimedWrite<T>> writes, TimeSpan claimLifetime,
        CancellationToken cancellationToken = default)
    {
        foreach (var w in writes) Record(w.DocumentKey);
        return inner.ClaimAndWriteManyAsync(writes, claimLifetime, cancellationToken);
    }

    public ValueTask KeepClaimAsync(string documentKey, TimeSpan claimLifetime, CancellationToken cancellationToken = default)
    {
        Record(documentKey);
        return inner.KeepClaimAsync(documentKey, claimLifetime, cancellationToken);
    }

    public ValueTask<int> ClaimFieldsAsync(FieldClaims claims, CancellationToken cancellationToken = default)
    {
        Record(claims.Hash);
        Record(claims.BatchDocument);
        return inner.ClaimFieldsAsync(claims, cancellationToken);
    }
}
