using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>The batch primitives every <see cref="IStorage"/> must have (sweeps, bulk loads); run against each implementation.</summary>
public abstract class StorageBatchContractTests
{
    protected abstract IStorage Storage { get; }

    // The id is a hash tag: what one test derives from a key shares its slot on a Redis Cluster, as a claimed write's
    // claim, document and index must.
    private static string NewKey(string name) => $"test/{name}/{{{Guid.NewGuid():N}}}";

    private sealed record Note(string Text);

    private async Task AddAllAsync(string index, IEnumerable<IndexEntry> entries)
    {
        foreach (var entry in entries) await Storage.IndexAddAsync(index, entry.Member, entry.Score);
    }

    [Fact]
    public async Task Field_claims_win_each_field_once_and_record_only_the_new_ones_as_the_batch()
    {
        var tag = $"{{{Guid.NewGuid():N}}}";
        var hash = $"test/fields/{tag}";
        var index = $"test/fields-due/{tag}";
        string Batch(int n) => $"test/field-batch/{tag}{n}";

        var first = await Storage.ClaimFieldsAsync(new FieldClaims(hash, ["a:1:7d", "b:1:7d", "a:1:7d"], TimeSpan.FromDays(400), Batch(1), index, 5));
        var second = await Storage.ClaimFieldsAsync(new FieldClaims(hash, ["b:1:7d", "c:1:7d", "贷:1:7d"], TimeSpan.FromDays(400), Batch(2), index, 6));
        var none = await Storage.ClaimFieldsAsync(new FieldClaims(hash, ["a:1:7d", "c:1:7d"], TimeSpan.FromDays(400), Batch(3), index, 7));

        Assert.Equal((2, 2, 0), (first, second, none));
        Assert.Equal(["a:1:7d", "b:1:7d"], (await Storage.ReadAsync<string[]>(Batch(1)))!.Value);
        Assert.Equal(["c:1:7d", "贷:1:7d"], (await Storage.ReadAsync<string[]>(Batch(2)))!.Value);
        Assert.Null(await Storage.ReadAsync<string[]>(Batch(3)));
        Assert.Equal([new IndexEntry(Batch(1), 5), new IndexEntry(Batch(2), 6)], await Storage.IndexRangeByScoreAsync(index, 0, 10));
    }

    [Fact]
    public async Task Field_claims_made_at_once_by_two_callers_are_won_once()
    {
        var tag = $"{{{Guid.NewGuid():N}}}";
        var fields = Enumerable.Range(0, 300).Select(i => $"L{i}:1:7d").ToList();
        var won = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
            await Storage.ClaimFieldsAsync(new FieldClaims($"test/fields/{tag}", fields, TimeSpan.FromDays(1), $"test/field-batch/{tag}{n}",
                $"test/fields-due/{tag}", 1)))));

        Assert.Equal(300, won.Sum());
    }

    [Fact]
    public async Task Read_many_is_aligned_with_the_keys_and_null_where_absent()
    {
        var a = NewKey("many-a");
        var b = NewKey("many-b");
        var eTagA = await Storage.WriteAsync(a, new Note("甲"), WriteCondition.Always);
        var eTagB = await Storage.WriteAsync(b, new Note("乙"), WriteCondition.Always);

        var items = await Storage.ReadManyAsync<Note>([b, NewKey("missing"), a, b]);

        Assert.Equal(["乙", null, "甲", "乙"], items.Select(i => i?.Value.Text));
        Assert.Equal([eTagB, null, eTagA, eTagB], items.Select(i => i?.ETag));
        Assert.Empty(await Storage.ReadManyAsync<Note>([]));
    }

    [Fact]
    public async Task Keyset_pages_walk_the_range_once_in_order_through_ties()
    {
        var index = NewKey("index-after");
        var entries = Enumerable.Range(0, 23).Select(i => new IndexEntry($"m{i:D2}", i % 3 == 0 ? 5 : 7)).ToList();
        await AddAllAsync(index, [.. entries, new IndexEntry("below", 4), new IndexEntry("above", 8)]);

        var seen = new List<IndexEntry>();
        IndexEntry? after = null;
        while (true)
        {
            var page = await Storage.IndexRangeAfterAsync(index, 5, 7, after, 4);
            seen.AddRange(page);
            if (page.Count < 4) break;
            after = page[^1];
        }

        var expected = entries.OrderBy(e => e.Score).ThenBy(e => e.Member, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(expected, await Storage.IndexRangeByScoreAsync(index, 5, 7, 0, 100));
    }

    [Fact]
    public async Task Keyset_page_continues_after_a_cursor_that_was_removed_meanwhile()
    {
        var index = NewKey("index-after-removed");
        await AddAllAsync(index, Enumerable.Range(0, 10).Select(i => new IndexEntry($"m{i}", 1)).ToList());
        var first = await Storage.IndexRangeAfterAsync(index, 0, 10, null, 3);
        Assert.Equal(["m0", "m1", "m2"], first.Select(e => e.Member));

        await Storage.IndexRemoveAsync(index, "m2");
        var next = await Storage.IndexRangeAfterAsync(index, 0, 10, first[^1], 3);

        Assert.Equal(["m3", "m4", "m5"], next.Select(e => e.Member));
    }

    [Fact]
    public async Task Keyset_page_with_a_cursor_outside_the_range_starts_at_its_edge()
    {
        var index = NewKey("index-after-outside");
        await AddAllAsync(index, [new IndexEntry("a", 1), new IndexEntry("b", 2), new IndexEntry("c", 3), new IndexEntry("d", 4)]);

        Assert.Equal(["b", "c"], (await Storage.IndexRangeAfterAsync(index, 2, 3, new IndexEntry("a", 1), 10)).Select(e => e.Member));
        Assert.Empty(await Storage.IndexRangeAfterAsync(index, 2, 3, new IndexEntry("d", 4), 10));
        Assert.Equal(["c"], (await Storage.IndexRangeAfterAsync(index, 2, 3, new IndexEntry("b", 2), 10)).Select(e => e.Member));
    }

    [Fact]
    public async Task Index_range_many_is_aligned_with_the_indexes_and_limited_to_take()
    {
        var one = NewKey("range-many-1");
        var two = NewKey("range-many-2");
        await AddAllAsync(one, [new IndexEntry("x", 2), new IndexEntry("y", 1), new IndexEntry("z", 3)]);
        await Storage.IndexAddAsync(two, "only", 1);

        var pages = await Storage.IndexRangeManyAsync([one, NewKey("range-many-missing"), two], double.MinValue, double.MaxValue, 2);

        Assert.Equal(3, pages.Count);
        Assert.Equal(["y", "x"], pages[0].Select(e => e.Member));
        Assert.Empty(pages[1]);
        Assert.Equal([("only", 1.0)], pages[2].Select(e => (e.Member, e.Score)));
    }

    private static List<ClaimedWrite<Note>> Writes(string prefix, string index, params string[] names) =>
        names.Select((n, i) => new ClaimedWrite<Note>($"{prefix}/doc/{n}", new Note(n), index, n, i)).ToList();

    [Fact]
    public async Task Claim_and_write_many_writes_each_document_not_there_yet_and_nothing_for_the_others()
    {
        var prefix = NewKey("claim-write");
        var index = prefix + "/due";
        await Storage.WriteAsync($"{prefix}/doc/b", new Note("先到"), WriteCondition.IfNotExists);

        var won = await Storage.ClaimAndWriteManyAsync(Writes(prefix, index, "a", "b", "c", "a"), TimeSpan.FromMinutes(1));

        Assert.Equal([true, false, true, false], won);
        var docs = await Storage.ReadManyAsync<Note>([$"{prefix}/doc/a", $"{prefix}/doc/b", $"{prefix}/doc/c"]);
        Assert.Equal(["a", "先到", "c"], docs.Select(d => d?.Value.Text));
        Assert.Equal([("a", 0.0), ("c", 2.0)],
            (await Storage.IndexRangeByScoreAsync(index, double.NegativeInfinity, double.PositiveInfinity)).Select(e => (e.Member, e.Score)));
    }

    [Fact]
    public async Task Claim_and_write_many_again_changes_nothing()
    {
        var prefix = NewKey("claim-write-again");
        var index = prefix + "/due";
        await Storage.ClaimAndWriteManyAsync(Writes(prefix, index, "a", "b"), TimeSpan.FromMinutes(1));
        var before = await Storage.ReadAsync<Note>($"{prefix}/doc/a");

        var again = Writes(prefix, index, "a", "b").Select(w => w with { Document = new Note("重写"), Score = 99 }).ToList();
        Assert.Equal([false, false], await Storage.ClaimAndWriteManyAsync(again, TimeSpan.FromMinutes(1)));

        var after = await Storage.ReadAsync<Note>($"{prefix}/doc/a");
        Assert.Equal((before!.ETag, "a"), (after!.ETag, after.Value.Text));
        Assert.Equal(0, await Storage.IndexScoreAsync(index, "a"));
    }

    [Fact]
    public async Task A_kept_claim_outlives_its_document()
    {
        var prefix = NewKey("claim-write-kept");
        var lifetime = TimeSpan.FromMinutes(1);
        await Storage.ClaimAndWriteManyAsync(Writes(prefix, prefix + "/due", "a", "b"), lifetime);
        await Storage.KeepClaimAsync($"{prefix}/doc/a", lifetime);
        // Finished messages get an expiry; here both documents go, only a's claim was kept.
        await Storage.WriteAsync($"{prefix}/doc/a", new Note("已发"), WriteCondition.Always, TimeSpan.FromMilliseconds(200));
        await Storage.DeleteAsync($"{prefix}/doc/b");
        await Task.Delay(500);

        Assert.Equal([false, true], await Storage.ClaimAndWriteManyAsync(Writes(prefix, prefix + "/due", "a", "b"), lifetime));
        Assert.Null(await Storage.ReadAsync<Note>($"{prefix}/doc/a"));
    }

    [Fact]
    public async Task Claim_and_write_many_can_claim_again_after_the_kept_claim_expires()
    {
        var prefix = NewKey("claim-write-expiry");
        var lifetime = TimeSpan.FromMilliseconds(200);
        Assert.Equal([true], await Storage.ClaimAndWriteManyAsync(Writes(prefix, prefix + "/due", "a"), lifetime));
        await Storage.KeepClaimAsync($"{prefix}/doc/a", lifetime);
        await Storage.DeleteAsync($"{prefix}/doc/a");
        // Kept at most a lifetime and a half (the kept claims' hashes expire per half-lifetime).
        await Task.Delay(800);

        Assert.Equal([true], await Storage.ClaimAndWriteManyAsync(Writes(prefix, prefix + "/due", "a"), lifetime));
    }

    [Fact]
    public async Task Concurrent_overlapping_batches_win_each_claim_exactly_once()
    {
        var prefix = NewKey("claim-write-race");
        var names = Enumerable.Range(0, 200).Select(i => $"n{i}").ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            // Each writer takes the same keys in its own order.
            var mine = names.OrderBy(n => (n.GetHashCode() ^ w) & 0xffff).ToArray();
            var won = await Storage.ClaimAndWriteManyAsync(Writes(prefix, prefix + "/due", mine), TimeSpan.FromMinutes(1));
            return mine.Where((_, i) => won[i]).ToList();
        })));

        var winners = results.SelectMany(r => r).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), winners.Order(StringComparer.Ordinal));
        Assert.Equal(200, (await Storage.IndexRangeByScoreAsync(prefix + "/due", double.MinValue, double.MaxValue, 0, 1000)).Count);
    }

    [Fact]
    public async Task Claim_and_write_many_across_slot_groups_writes_each_group()
    {
        var groups = Enumerable.Range(0, 5).Select(g => NewKey("claim-write-groups-" + g)).ToList();
        var writes = groups.SelectMany(prefix => Writes(prefix, prefix + "/due", "a", "b")).ToList();

        Assert.All(await Storage.ClaimAndWriteManyAsync(writes, TimeSpan.FromMinutes(1)), Assert.True);
        Assert.All(await Storage.ClaimAndWriteManyAsync(writes, TimeSpan.FromMinutes(1)), Assert.False);

        foreach (var prefix in groups)
        {
            Assert.Equal(["a", "b"], (await Storage.ReadManyAsync<Note>([$"{prefix}/doc/a", $"{prefix}/doc/b"])).Select(d => d?.Value.Text));
            Assert.Equal(["a", "b"], (await Storage.IndexRangeByScoreAsync(prefix + "/due", 0, 10)).Select(e => e.Member));
        }
    }
}
