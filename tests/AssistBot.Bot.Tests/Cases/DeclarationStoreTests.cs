using AssistBot.Bot.Cases;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Cases;

/// <summary>Declaration storage behaviour, run against both storage backends.</summary>
public abstract class DeclarationStoreTests : IDisposable
{
    private CaseWorld? _world;

    protected abstract IStorage Storage { get; }

    private CaseWorld World => _world ??= new CaseWorld(Storage);

    [Fact]
    public async Task Fifty_concurrent_submissions_get_fifty_distinct_sequential_reference_numbers()
    {
        var rules = World.County(World.Xinfeng).Rules;
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            World.Declarations.SubmitAsync(World.Xinfeng, "wechat", $"o_user{i}", CaseWorld.Submission(TestIds.Valid()), rules))));

        var ids = results.Select(r => r.Declaration.Id).ToList();
        Assert.All(results, r => Assert.False(r.IsDuplicate));
        Assert.Equal(50, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(@"^XF-20240515-\d{4}$", id));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"XF-20240515-{n:D4}"), ids.Order());
        foreach (var id in ids) Assert.NotNull(await World.Declarations.GetAsync(World.Xinfeng, id));
    }

    [Fact]
    public async Task Reference_numbers_use_the_china_date_and_the_county_prefix()
    {
        World.Clock.AdjustTime(new DateTimeOffset(2023, 6, 1, 23, 30, 0, TimeSpan.Zero)); // 2023-06-02 07:30 in China
        var d = await World.SubmitAsync(World.Yuzhou, township: "褚河街道", village: "某村");
        Assert.Equal("YZ-20230602-0001", d.Id);
    }

    [Fact]
    public async Task A_household_with_an_open_declaration_gets_its_number_instead_of_a_second_record()
    {
        var id = TestIds.Valid();
        var first = await World.SubmitAsync(World.Xinfeng, "o_a", id);

        var again = await World.Declarations.SubmitAsync(World.Xinfeng, "wechat", "o_b", CaseWorld.Submission(id), World.County(World.Xinfeng).Rules);

        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Id, again.Declaration.Id);
        Assert.Empty(await World.Declarations.ListForUserAsync(World.Xinfeng, "wechat", "o_b"));
    }

    [Fact]
    public async Task Concurrent_submissions_for_one_household_file_exactly_one_record()
    {
        var id = TestIds.Valid();
        var rules = World.County(World.Xinfeng).Rules;
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            World.Declarations.SubmitAsync(World.Xinfeng, "wechat", $"o_same{i}", CaseWorld.Submission(id), rules))));

        Assert.Single(results, r => !r.IsDuplicate);
        Assert.Single(results.Select(r => r.Declaration.Id).Distinct());
    }

    [Fact]
    public async Task After_the_case_is_closed_the_household_may_declare_again()
    {
        var id = TestIds.Valid();
        var first = await World.SubmitAsync(World.Xinfeng, "o_c", id);
        var rules = World.County(World.Xinfeng).Rules;
        await World.Declarations.TransitionAsync(World.Xinfeng, first.Id, d => DeclarationWorkflow.Apply(d, new CadreAction(DeclarationAction.Accept), "wecom:x", World.Clock.GetUtcNow(), rules));
        await World.Declarations.TransitionAsync(World.Xinfeng, first.Id, d => DeclarationWorkflow.Apply(d, new CadreAction(DeclarationAction.Reject, Note: "收入稳定"), "wecom:x", World.Clock.GetUtcNow(), rules));

        var second = await World.Declarations.SubmitAsync(World.Xinfeng, "wechat", "o_c", CaseWorld.Submission(id), rules);

        Assert.False(second.IsDuplicate);
        Assert.NotEqual(first.Id, second.Declaration.Id);
    }

    [Fact]
    public async Task Declarations_without_an_id_number_are_never_duplicates()
    {
        var a = await World.Declarations.SubmitAsync(World.Xinfeng, "wechat", "o_d", CaseWorld.Submission(null), World.County(World.Xinfeng).Rules);
        var b = await World.Declarations.SubmitAsync(World.Xinfeng, "wechat", "o_d", CaseWorld.Submission(null), World.County(World.Xinfeng).Rules);
        Assert.False(b.IsDuplicate);
        Assert.NotEqual(a.Declaration.Id, b.Declaration.Id);
        Assert.Null(a.Declaration.IdNumberProtected);
    }

    [Fact]
    public async Task Id_number_and_phone_are_stored_encrypted()
    {
        var id = TestIds.Valid();
        var d = await World.SubmitAsync(World.Xinfeng, "o_e", id);
        var raw = await Storage.ReadAsync<System.Text.Json.JsonElement>($"cases/{World.Xinfeng}/declarations/{d.Id}");
        var json = raw!.Value.GetRawText();
        Assert.DoesNotContain(id, json);
        Assert.DoesNotContain("13912345678", json);
        Assert.Contains("张三", json);
    }

    [Fact]
    public async Task Readers_skip_index_entries_whose_record_is_missing()
    {
        var d = await World.SubmitAsync(World.Xinfeng, "o_f");
        await Storage.IndexAddAsync($"cases/{World.Xinfeng}/idx/user/wechat:o_f", "XF-20240515-9999", 1);

        var mine = await World.Declarations.ListForUserAsync(World.Xinfeng, "wechat", "o_f");

        Assert.Equal([d.Id], mine.Select(x => x.Id));
    }

    [Fact]
    public async Task Yuzhou_records_the_15_day_deadline_from_its_rules_and_xinfeng_none()
    {
        var yz = await World.SubmitAsync(World.Yuzhou, township: "褚河街道", village: "某村");
        var xf = await World.SubmitAsync(World.Xinfeng);

        Assert.Equal(yz.SubmittedAt.AddDays(15), yz.NextStepDue);
        Assert.NotNull(xf.NextStep);
        Assert.Null(xf.NextStepDue);
        Assert.Single(await World.Declarations.ListDueAsync(World.Yuzhou, yz.SubmittedAt.AddDays(16)));
    }

    public virtual void Dispose() => _world?.Dispose();
}

public sealed class EmbeddedDeclarationStoreTests : DeclarationStoreTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-cases-").FullName;
    private EmbeddedStorage? _storage;

    protected override IStorage Storage => _storage ??= new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);

    public override void Dispose()
    {
        base.Dispose();
        _storage?.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

[Collection(SharedRedisCollection.Name)]
public sealed class RedisDeclarationStoreTests(SharedRedis redis) : DeclarationStoreTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}
