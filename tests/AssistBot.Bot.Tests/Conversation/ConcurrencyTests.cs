using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>Ordering, no lost updates, and ETag conflicts across instances.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-concurrency-").FullName;

    private string DatabasePath => Path.Combine(_directory, "assistbot.db");

    [Fact]
    public async Task Messages_of_one_user_arriving_together_run_one_after_another_in_arrival_order()
    {
        await using var host = EngineHost.Embedded(AddCounter);
        var turns = Enumerable.Range(0, 30).Select(_ => Send(host, "user1", "加一")).ToList();
        var replies = await Task.WhenAll(turns);

        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"计数 {n}"), replies.Select(r => r.Single()));
        Assert.Equal(0, host.Services.GetRequiredService<ConversationLocks>().Count);
    }

    [Fact]
    public async Task Two_instances_over_one_embedded_store_lose_no_update()
    {
        using var storageA = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        using var storageB = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        await using var a = EngineHost.Over(storageA, AddCounter);
        await using var b = EngineHost.Over(storageB, AddCounter);
        await AssertNoLostUpdatesAsync(a, b);
    }

    [Fact]
    public async Task A_turn_whose_save_loses_is_re_run_on_fresh_state_and_replies_only_the_re_run()
    {
        using var storageA = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        using var storageB = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        await using var a = EngineHost.Over(storageA, AddCounter);
        await using var b = EngineHost.Over(storageB, AddCounter);
        await Send(a, "user1", "加一"); // the conversation exists: count 1

        var slow = Send(a, "user1", "慢"); // reads 1, sets 2, then waits before saving
        await Counter(a).SlowTurnChangedState.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["计数 2"], await Send(b, "user1", "加一")); // the other instance saves 2 meanwhile
        Counter(a).Gate.SetResult();

        // The slow turn's save conflicts; it runs again on 2 and says 3 — never "计数 2" a second time.
        Assert.Equal(["计数 3"], await slow);
        Assert.Equal(["计数 4"], await Send(b, "user1", "加一"));
    }

    [Fact]
    public async Task When_every_save_conflicts_the_user_is_asked_to_resend_and_the_other_write_is_kept()
    {
        using var inner = new EmbeddedStorage(DatabasePath, TimeProvider.System);
        var interfering = new InterferingStorage(inner);
        await using var host = EngineHost.Over(interfering, AddCounter);
        await Send(host, "user1", "加一");

        interfering.Interfere = true;
        var replies = await Send(host, "user1", "加一");
        interfering.Interfere = false;

        Assert.Equal([EngineTexts.Busy], replies);
        var stored = await inner.ReadAsync<JsonObject>("test/conversations/yuzhou:user1");
        // 1 from the first turn + one write by "another instance" before each of the 4 attempts; ours never landed.
        Assert.Equal(1 + interfering.InterferingWrites, (int)stored!.Value["counter"]!["value"]!);
        Assert.Equal(4, interfering.InterferingWrites);
    }

    internal static async Task AssertNoLostUpdatesAsync(EngineHost a, EngineHost b)
    {
        const int perInstance = 20;
        var turns = new List<Task<string[]>>();
        for (var i = 0; i < perInstance; i++)
        {
            turns.Add(Task.Run(() => SendUntilAccepted(a, "user1")));
            turns.Add(Task.Run(() => SendUntilAccepted(b, "user1")));
        }
        var replies = (await Task.WhenAll(turns)).Select(r => Assert.Single(r)).ToList();

        // Every turn saw a different count: no two turns built on the same state, none was lost.
        Assert.Equal(Enumerable.Range(1, 2 * perInstance).Select(n => $"计数 {n}"),
            replies.OrderBy(r => int.Parse(r.Split(' ')[1])));
        Assert.Equal([$"计数 {2 * perInstance + 1}"], await Send(a, "user1", "加一"));
    }

    /// <summary>
    /// Under heavy contention the bot may give up on a turn and ask the user to send it again (EngineTexts.Busy);
    /// nothing was applied then, so the user resends. What must never happen is an update that silently vanishes.
    /// </summary>
    internal static async Task<string[]> SendUntilAccepted(EngineHost host, string userId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var replies = await Send(host, userId, "加一");
            if (attempt == 10 || replies is not [EngineTexts.Busy]) return replies;
        }
    }

    internal static void AddCounter(IServiceCollection services)
    {
        services.AddSingleton<CounterFeature>();
        services.AddSingleton<IFreeTextHandler>(sp => sp.GetRequiredService<CounterFeature>());
    }

    private static CounterFeature Counter(EngineHost host) => host.Services.GetRequiredService<CounterFeature>();

    internal static async Task<string[]> Send(EngineHost host, string userId, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Channels.Test,
            From = new ChannelAccount(userId),
            Recipient = new ChannelAccount("assistbot"),
            Conversation = new ConversationAccount($"yuzhou:{userId}"),
            Text = text,
        };
        var result = await host.Adapter.ProcessActivityAsync(activity, host.Bot.OnTurnAsync, ctx => ctx.WithCounty(host.County));
        return result.Replies.Select(r => r.Text ?? "").ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Storage where "another instance" increments the counter just before each of our conditional writes.</summary>
    private sealed class InterferingStorage(IStorage inner) : IStorage
    {
        public bool Interfere { get; set; }
        public int InterferingWrites { get; private set; }

        public async ValueTask<string> WriteAsync<T>(string key, T value, WriteCondition condition, TimeSpan? timeToLive = null,
            CancellationToken cancellationToken = default)
        {
            if (Interfere && key.Contains("/conversations/") && condition.Kind == WriteConditionKind.IfMatch)
            {
                await inner.UpdateAsync<JsonObject>(key, doc =>
                {
                    var counter = (int)doc!["counter"]!["value"]!;
                    doc["counter"]!["value"] = counter + 1;
                    return doc;
                }, cancellationToken: cancellationToken);
                InterferingWrites++;
            }
            return await inner.WriteAsync(key, value, condition, timeToLive, cancellationToken);
        }

        public ValueTask<StoreItem<T>?> ReadAsync<T>(string key, CancellationToken ct = default) => inner.ReadAsync<T>(key, ct);
        public ValueTask<bool> DeleteAsync(string key, CancellationToken ct = default) => inner.DeleteAsync(key, ct);
        public ValueTask<bool> TryClaimAsync(string key, TimeSpan ttl, CancellationToken ct = default) => inner.TryClaimAsync(key, ttl, ct);
        public ValueTask<ClaimOutcome> TryClaimGuardedAsync(string key, TimeSpan ttl, ClaimGuard guard, CancellationToken ct = default) =>
            inner.TryClaimGuardedAsync(key, ttl, guard, ct);
        public ValueTask<long> IndexRemoveRangeByScoreAsync(string index, double min, double max, CancellationToken ct = default) =>
            inner.IndexRemoveRangeByScoreAsync(index, min, max, ct);
        public ValueTask ReleaseClaimAsync(string key, CancellationToken ct = default) => inner.ReleaseClaimAsync(key, ct);
        public ValueTask<bool> SetClaimResultAsync(string key, string result, CancellationToken ct = default) =>
            inner.SetClaimResultAsync(key, result, ct);
        public ValueTask<string?> ReadClaimResultAsync(string key, CancellationToken ct = default) => inner.ReadClaimResultAsync(key, ct);
        public ValueTask<long> IncrementAsync(string key, long by = 1, TimeSpan? ttl = null, CancellationToken ct = default) =>
            inner.IncrementAsync(key, by, ttl, ct);
        public ValueTask IndexAddAsync(string index, string member, double score, CancellationToken ct = default) =>
            inner.IndexAddAsync(index, member, score, ct);
        public ValueTask<bool> IndexRemoveAsync(string index, string member, CancellationToken ct = default) =>
            inner.IndexRemoveAsync(index, member, ct);
        public ValueTask<IReadOnlyList<IndexEntry>> IndexRangeByScoreAsync(string index, double min, double max, int skip = 0,
            int take = 100, CancellationToken ct = default) => inner.IndexRangeByScoreAsync(index, min, max, skip, take, ct);
        public ValueTask<double?> IndexScoreAsync(string index, string member, CancellationToken ct = default) =>
            inner.IndexScoreAsync(index, member, ct);
        public ValueTask PingAsync(CancellationToken ct = default) => inner.PingAsync(ct);
        public string Description => "interfering " + inner.Description;

        public int SlotGroups => inner.SlotGroups;
        public ValueTask<IReadOnlyList<StoreItem<T>?>> ReadManyAsync<T>(IReadOnlyList<string> keys, CancellationToken ct = default) =>
            inner.ReadManyAsync<T>(keys, ct);
        public ValueTask<IReadOnlyList<IndexEntry>> IndexRangeAfterAsync(string index, double min, double max, IndexEntry? after, int take,
            CancellationToken ct = default) => inner.IndexRangeAfterAsync(index, min, max, after, take, ct);
        public ValueTask<IReadOnlyList<IReadOnlyList<IndexEntry>>> IndexRangeManyAsync(IReadOnlyList<string> indexes, double min, double max,
            int take, CancellationToken ct = default) => inner.IndexRangeManyAsync(indexes, min, max, take, ct);
        public ValueTask<IReadOnlyList<bool>> ClaimAndWriteManyAsync<T>(IReadOnlyList<ClaimedWrite<T>> writes, TimeSpan claimLifetime,
            CancellationToken ct = default) => inner.ClaimAndWriteManyAsync(writes, claimLifetime, ct);
        public ValueTask KeepClaimAsync(string documentKey, TimeSpan claimLifetime, CancellationToken ct = default) =>
            inner.KeepClaimAsync(documentKey, claimLifetime, ct);
        public ValueTask<int> ClaimFieldsAsync(FieldClaims claims, CancellationToken ct = default) => inner.ClaimFieldsAsync(claims, ct);
    }
}

/// <summary>The same guarantees with Redis as the shared store, and a dialog script over Redis.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class RedisConversationTests(SharedRedis redis)
{
    [Fact]
    public async Task Two_instances_over_Redis_lose_no_update()
    {
        var user = "redis-" + Guid.NewGuid().ToString("N");
        await using var a = EngineHost.Over(new RedisStorage(redis.Connection), ConcurrencyTests.AddCounter);
        await using var b = EngineHost.Over(new RedisStorage(redis.Connection), ConcurrencyTests.AddCounter);
        // a fresh user per run keeps the shared Redis from carrying counts over
        await using var isolated = new UserScope(a, b, user);
        await isolated.AssertNoLostUpdatesAsync();
    }

    [Fact]
    public async Task A_dialog_script_runs_over_Redis_and_survives_a_restart()
    {
        var user = "redis-" + Guid.NewGuid().ToString("N");
        await using (var first = EngineHost.Over(new RedisStorage(redis.Connection),
                         s => s.AddSingleton<IRouteHandler, SurveyFeature>()))
        {
            await first.Flow(user)
                .Send("调查").AssertReply("家里一共几口人？")
                .Send("三口人").AssertReply("全家一个月大概收入多少元？")
                .StartTestAsync();
        }
        await using var second = EngineHost.Over(new RedisStorage(redis.Connection),
            s => s.AddSingleton<IRouteHandler, SurveyFeature>());
        await second.Flow(user)
            .Send("六千五").AssertReplyContains("主要困难是哪一种？")
            .Send("因病").AssertReplyContains("3口人，月收入6500元，因病")
            .StartTestAsync();
    }

    private sealed class UserScope(EngineHost a, EngineHost b, string user) : IAsyncDisposable
    {
        public async Task AssertNoLostUpdatesAsync()
        {
            var turns = new List<Task<string[]>>();
            for (var i = 0; i < 20; i++)
            {
                turns.Add(Task.Run(() => SendUntilAccepted(a)));
                turns.Add(Task.Run(() => SendUntilAccepted(b)));
            }
            var counts = (await Task.WhenAll(turns)).Select(r => int.Parse(Assert.Single(r).Split(' ')[1])).Order();
            Assert.Equal(Enumerable.Range(1, 40), counts);
        }

        private Task<string[]> SendUntilAccepted(EngineHost host) => ConcurrencyTests.SendUntilAccepted(host, user);

        public async ValueTask DisposeAsync()
        {
            await a.Storage.DeleteAsync($"test/conversations/yuzhou:{user}");
            await a.Storage.DeleteAsync($"test/users/{user}");
        }
    }
}
