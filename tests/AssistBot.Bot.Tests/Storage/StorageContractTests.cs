using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>The behaviour every <see cref="IStorage"/> must have; run against each implementation.</summary>
public abstract class StorageContractTests
{
    protected abstract IStorage Storage { get; }

    private static string NewKey(string name) => $"test/{name}/{Guid.NewGuid():N}";

    /// <summary>Keys that share a hash tag, as a guarded claim and its guard must (one slot on a Redis Cluster).</summary>
    private static Func<string, string> Tagged() { var tag = $"{{{Guid.NewGuid():N}}}"; return name => NewKey(name) + "/" + tag; }

    private sealed record Counter(int Value);

    private sealed record Household(string Name, int Members, List<string> Hardships);

    [Fact]
    public async Task Written_document_reads_back_with_its_etag()
    {
        var key = NewKey("roundtrip");
        var eTag = await Storage.WriteAsync(key, new Household("张三", 4, ["因病", "因学"]), WriteCondition.Always);

        var item = await Storage.ReadAsync<Household>(key);

        Assert.NotNull(item);
        Assert.Equal(eTag, item.ETag);
        Assert.Equal("张三", item.Value.Name);
        Assert.Equal(["因病", "因学"], item.Value.Hardships);
    }

    [Fact]
    public async Task Missing_key_reads_as_null()
    {
        Assert.Null(await Storage.ReadAsync<Counter>(NewKey("missing")));
    }

    [Fact]
    public async Task Stale_etag_write_is_a_conflict_and_keeps_the_newer_value()
    {
        var key = NewKey("stale");
        var first = await Storage.WriteAsync(key, new Counter(1), WriteCondition.Always);
        await Storage.WriteAsync(key, new Counter(2), WriteCondition.IfMatch(first));

        var conflict = await Assert.ThrowsAsync<StorageConflictException>(
            async () => await Storage.WriteAsync(key, new Counter(99), WriteCondition.IfMatch(first)));

        Assert.Equal(key, conflict.Key);
        Assert.Equal(2, (await Storage.ReadAsync<Counter>(key))!.Value.Value);
    }

    [Fact]
    public async Task IfMatch_on_a_missing_key_is_a_conflict()
    {
        await Assert.ThrowsAsync<StorageConflictException>(
            async () => await Storage.WriteAsync(NewKey("ifmatch-missing"), new Counter(1), WriteCondition.IfMatch("abc")));
    }

    [Fact]
    public async Task Create_only_fails_when_the_key_exists()
    {
        var key = NewKey("create");
        await Storage.WriteAsync(key, new Counter(1), WriteCondition.IfNotExists);

        await Assert.ThrowsAsync<StorageConflictException>(
            async () => await Storage.WriteAsync(key, new Counter(2), WriteCondition.IfNotExists));
        Assert.Equal(1, (await Storage.ReadAsync<Counter>(key))!.Value.Value);
    }

    [Fact]
    public async Task Unconditional_write_overwrites()
    {
        var key = NewKey("always");
        await Storage.WriteAsync(key, new Counter(1), WriteCondition.Always);
        await Storage.WriteAsync(key, new Counter(2), WriteCondition.Always);
        Assert.Equal(2, (await Storage.ReadAsync<Counter>(key))!.Value.Value);
    }

    [Fact]
    public async Task Delete_then_read_gives_nothing()
    {
        var key = NewKey("delete");
        await Storage.WriteAsync(key, new Counter(1), WriteCondition.Always);

        Assert.True(await Storage.DeleteAsync(key));
        Assert.Null(await Storage.ReadAsync<Counter>(key));
        Assert.False(await Storage.DeleteAsync(key));
    }

    [Fact]
    public async Task Document_with_time_to_live_disappears_after_it()
    {
        var key = NewKey("ttl");
        await Storage.WriteAsync(key, new Counter(1), WriteCondition.Always, TimeSpan.FromMilliseconds(300));
        Assert.NotNull(await Storage.ReadAsync<Counter>(key));

        await Task.Delay(700);

        Assert.Null(await Storage.ReadAsync<Counter>(key));
        await Storage.WriteAsync(key, new Counter(2), WriteCondition.IfNotExists);
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        const int Writers = 32;
        const int IncrementsEach = 10;
        var key = NewKey("counter");

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < IncrementsEach; i++)
                await Storage.UpdateAsync<Counter>(key, c => new Counter((c?.Value ?? 0) + 1), maxAttempts: 10_000);
        })));

        Assert.Equal(Writers * IncrementsEach, (await Storage.ReadAsync<Counter>(key))!.Value.Value);
    }

    [Fact]
    public async Task Claim_is_exclusive_among_parallel_claimers()
    {
        var key = NewKey("claim");
        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () => await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1)))));
        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public async Task Claim_can_be_taken_again_after_expiry()
    {
        var key = NewKey("claim-expiry");
        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMilliseconds(200)));
        Assert.False(await Storage.TryClaimAsync(key, TimeSpan.FromMilliseconds(200)));

        await Task.Delay(600);

        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Released_claim_can_be_taken_again()
    {
        var key = NewKey("claim-release");
        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1)));
        await Storage.ReleaseClaimAsync(key);
        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Claim_carries_its_result_to_whoever_finds_it_taken()
    {
        var key = NewKey("claim-result");
        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1)));
        Assert.Null(await Storage.ReadClaimResultAsync(key)); // held, still working

        Assert.True(await Storage.SetClaimResultAsync(key, "您好！小额信贷最多 5 万元。"));
        Assert.Equal("您好！小额信贷最多 5 万元。", await Storage.ReadClaimResultAsync(key));
        Assert.False(await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1))); // a result does not free the claim

        Assert.True(await Storage.SetClaimResultAsync(key, ""));
        Assert.Equal("", await Storage.ReadClaimResultAsync(key)); // "answered elsewhere" is a result too
    }

    [Fact]
    public async Task Claim_result_needs_a_held_claim_and_ends_with_it()
    {
        var key = NewKey("claim-result-expiry");
        Assert.False(await Storage.SetClaimResultAsync(key, "无人认领"));
        Assert.Null(await Storage.ReadClaimResultAsync(key));

        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMilliseconds(300)));
        Assert.True(await Storage.SetClaimResultAsync(key, "回复"));
        await Task.Delay(700);

        Assert.Null(await Storage.ReadClaimResultAsync(key));
        Assert.True(await Storage.TryClaimAsync(key, TimeSpan.FromMinutes(1)));
        Assert.Null(await Storage.ReadClaimResultAsync(key)); // a new claim starts without the old result
    }

    [Fact]
    public async Task Increment_is_atomic_under_concurrency()
    {
        var key = NewKey("increment");
        var values = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(async () => await Storage.IncrementAsync(key))));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), values.Order());
    }

    [Fact]
    public async Task Index_ranges_by_score_with_ties_ordered_by_member()
    {
        var index = NewKey("index");
        await Storage.IndexAddAsync(index, "c", 2);
        await Storage.IndexAddAsync(index, "a", 2);
        await Storage.IndexAddAsync(index, "b", 2);
        await Storage.IndexAddAsync(index, "early", 1);
        await Storage.IndexAddAsync(index, "late", 5);

        var range = await Storage.IndexRangeByScoreAsync(index, 1, 2);
        Assert.Equal(["early", "a", "b", "c"], range.Select(e => e.Member));
        Assert.Equal([1.0, 2, 2, 2], range.Select(e => e.Score));

        var page = await Storage.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity, skip: 2, take: 2);
        Assert.Equal(["b", "c"], page.Select(e => e.Member));
    }

    [Fact]
    public async Task Index_removal_and_rescoring()
    {
        var index = NewKey("index-remove");
        await Storage.IndexAddAsync(index, "x", 1);
        await Storage.IndexAddAsync(index, "y", 2);
        await Storage.IndexAddAsync(index, "x", 3);

        Assert.Equal(3, await Storage.IndexScoreAsync(index, "x"));
        Assert.True(await Storage.IndexRemoveAsync(index, "y"));
        Assert.False(await Storage.IndexRemoveAsync(index, "y"));
        Assert.Null(await Storage.IndexScoreAsync(index, "y"));
        Assert.Equal(["x"], (await Storage.IndexRangeByScoreAsync(index, 0, 10)).Select(e => e.Member));
    }

    [Fact]
    public async Task Guarded_claim_refuses_a_guard_holding_another_value_and_stores_nothing()
    {
        var key = Tagged();
        var guard = new ClaimGuard(key("guard"), "message-a", TimeSpan.FromMinutes(1));
        var first = key("guarded");
        Assert.Equal(ClaimOutcome.Claimed, await Storage.TryClaimGuardedAsync(first, TimeSpan.FromMinutes(1), guard));
        // The same guarded value again (a retry): the claim is already held, the guard lets it through.
        Assert.Equal(ClaimOutcome.AlreadyClaimed, await Storage.TryClaimGuardedAsync(first, TimeSpan.FromMinutes(1), guard));

        // Another value under the same guard: refused, and its claim was not taken.
        var second = key("guarded");
        Assert.Equal(ClaimOutcome.GuardMismatch,
            await Storage.TryClaimGuardedAsync(second, TimeSpan.FromMinutes(1), guard with { Value = "message-b" }));
        Assert.True(await Storage.TryClaimAsync(second, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Guard_expires_with_its_own_time_to_live()
    {
        var key = Tagged();
        var guard = new ClaimGuard(key("guard-expiry"), "message-a", TimeSpan.FromMilliseconds(300));
        Assert.Equal(ClaimOutcome.Claimed, await Storage.TryClaimGuardedAsync(key("guarded"), TimeSpan.FromMinutes(1), guard));
        await Task.Delay(700);
        Assert.Equal(ClaimOutcome.Claimed,
            await Storage.TryClaimGuardedAsync(key("guarded"), TimeSpan.FromMinutes(1), guard with { Value = "message-b" }));
    }

    [Fact]
    public async Task Guarded_claims_with_one_guard_in_parallel_let_exactly_one_value_through()
    {
        var key = Tagged();
        var guard = key("guard-race");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            await Storage.TryClaimGuardedAsync(key("guarded"), TimeSpan.FromMinutes(1), new ClaimGuard(guard, "v" + i, TimeSpan.FromMinutes(1))))));
        Assert.Equal(1, outcomes.Count(o => o == ClaimOutcome.Claimed));
        Assert.Equal(7, outcomes.Count(o => o == ClaimOutcome.GuardMismatch));
    }

    [Fact]
    public async Task Index_members_in_a_score_range_are_removed_together()
    {
        var index = NewKey("idx-trim");
        await Storage.IndexAddAsync(index, "old-1", 100);
        await Storage.IndexAddAsync(index, "old-2", 200);
        await Storage.IndexAddAsync(index, "new", 300);

        Assert.Equal(2, await Storage.IndexRemoveRangeByScoreAsync(index, double.NegativeInfinity, 250));

        Assert.Equal(["new"], (await Storage.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity)).Select(e => e.Member));
        Assert.Equal(0, await Storage.IndexRemoveRangeByScoreAsync(index, double.NegativeInfinity, 250));
    }
}
