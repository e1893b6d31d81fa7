using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// The outbox's reminder pointers (<see cref="StorageReminderPointers"/>) on each storage: claimed once however often
/// they are claimed, handed out when due and only under a lease, gone once completed, counted until then.
/// </summary>
public abstract class ReminderPointerContractTests
{
    protected abstract IStorage Storage { get; }

    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly DateTimeOffset NineAm = new(Day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _time = new(NineAm.AddMinutes(-30));
    private readonly string _keyspace = "ptr-" + Guid.NewGuid().ToString("N");

    private StorageReminderPointers Pointers() => new StorageOutbox(Storage, Storage, Storage, Storage, _time, _keyspace).Pointers;

    private static List<ReminderPointer> Due(int from, int count, string stage = "7d") =>
        [.. Enumerable.Range(from, count).Select(i => new ReminderPointer($"XF{i:D5}", Day.AddDays(7), stage, Day))];

    [Fact]
    public async Task Pointers_are_claimed_once_across_calls_and_instances()
    {
        var a = Pointers();
        var b = Pointers();

        var first = await a.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, Due(0, 600));
        var again = await Task.WhenAll(
            Task.Run(async () => await b.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, Due(300, 600))),
            Task.Run(async () => await a.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, Due(300, 600))));
        var otherStage = await a.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, Due(0, 10, "1d"));
        var otherCounty = await a.ClaimAsync("loan-repayment", "anyuan", Day, NineAm, Due(0, 10));

        Assert.Equal((600, 300, 10, 10), (first, again.Sum(), otherStage, otherCounty));
        Assert.Equal(920, await a.UnexpandedAsync());
    }

    [Fact]
    public async Task Due_batches_are_handed_out_under_a_lease_and_completed_once()
    {
        var pointers = Pointers();
        var claimed = Due(0, 700);
        await pointers.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, claimed);

        Assert.Empty(await pointers.TakeDueAsync(NineAm.AddSeconds(-1), 100, TimeSpan.FromMinutes(2)));
        var taken = await pointers.TakeDueAsync(NineAm, 100, TimeSpan.FromMinutes(2));
        var whileLeased = await Pointers().TakeDueAsync(NineAm, 100, TimeSpan.FromMinutes(2));

        Assert.Empty(whileLeased);
        Assert.All(taken, batch => Assert.Equal(("loan-repayment", "xinfeng", Day), (batch.Kind, batch.CountyId, batch.SendDay)));
        Assert.Equal(claimed.ToHashSet(), taken.SelectMany(t => t.Pointers).ToHashSet());
        Assert.Equal(700, taken.Sum(t => t.Pointers.Count));

        foreach (var batch in taken) await pointers.CompleteAsync(batch);

        Assert.Equal(0, await pointers.UnexpandedAsync());
        Assert.Empty(await pointers.TakeDueAsync(NineAm.AddDays(1), 100, TimeSpan.FromMinutes(2)));
        Assert.Equal(0, await pointers.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, claimed));
    }

    [Fact]
    public async Task A_batch_whose_lease_ran_out_is_handed_out_again()
    {
        var pointers = Pointers();
        await pointers.ClaimAsync("loan-repayment", "xinfeng", Day, NineAm, Due(0, 5));

        var first = await pointers.TakeDueAsync(NineAm, 10, TimeSpan.FromMilliseconds(300));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await pointers.TakeDueAsync(NineAm, 10, TimeSpan.FromMinutes(2));

        Assert.Equal(first.Select(b => b.Id), again.Select(b => b.Id));
        Assert.Equal(5, again.Sum(b => b.Pointers.Count));
    }
}

public sealed class EmbeddedReminderPointerTests : ReminderPointerContractTests, IDisposable
{
    private readonly TempEmbeddedStorage _embedded = new("assistbot-pointers-");

    protected override IStorage Storage => _embedded.Storage;

    public void Dispose() => _embedded.Dispose();
}

[Collection(SharedRedisCollection.Name)]
public sealed class RedisReminderPointerTests(SharedRedis redis) : ReminderPointerContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}

[Collection(SharedRedisClusterCollection.Name)]
public sealed class RedisClusterReminderPointerTests(SharedRedisCluster redis) : ReminderPointerContractTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}
