using AssistBot.Bot.Cases;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// The borrower-prompt sweep over more loans than one page and one batch: every due loan gets exactly one reminder,
/// to the right person, however often and on however many instances the sweep runs. The sweep claims pointers and
/// delivery expands them (the service's path): who gets the reminder, and whether anyone does, is decided then.
/// </summary>
public abstract class BatchedSweepTests
{
    protected abstract IStorage Storage { get; }

    private const int Loans = 1_300;
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0, 30)), TimeSpan.FromHours(8)));
    private readonly ReminderCounty _county = new($"batch{Guid.NewGuid():N}"[..16], "测试县", ReminderWorld.Pack("xinfeng-2024"));

    private static string Number(int i) => $"B{i:D5}";

    /// <summary>1,100 loans due in 7 days (three pages), 100 each in 1 and 30 days; every 10th already repaid.</summary>
    private async Task<int> SeedAsync()
    {
        var loans = new LoanStore(Storage, Storage, Storage, new StorageBorrowerAccounts(Storage, Storage), _time);
        var direct = new StorageBorrowerAccounts(Storage, Storage);
        for (var chunk = 0; chunk < Loans; chunk += 100)
            await Task.WhenAll(Enumerable.Range(chunk, 100).Select(async i =>
            {
                await loans.UpsertAsync(new Loan
                {
                    CountyId = _county.Id, LoanNumber = Number(i), BorrowerName = "张三", IdNumberProtected = "p", IdNumberHash = $"h{i}",
                    Township = "嘉定镇", Village = "第1村", Bank = "信丰县农商银行", Amount = 50_000m, DisbursedOn = Day.AddYears(-3),
                    Maturity = Day.AddDays(i < 1_100 ? 7 : i < 1_200 ? 1 : 30), CadreName = "刘干部", CadreUserId = "liu",
                    Repayment = i % 10 == 9 ? RepaymentState.Confirmed : RepaymentState.Outstanding, ImportedAt = _time.GetUtcNow(),
                });
                if (i % 3 == 0) await direct.BindAsync(_county.Id, Number(i), $"o_direct_{i}");
                // The farmer's own "绑定" (the cases part's index) is the other place an account is found.
                if (i % 3 == 1) await BindOwnAsync(i);
            }));
        return Enumerable.Range(0, Loans).Count(i => i % 10 != 9);
    }

    /// <summary>
    /// The farmer's own "绑定" of loan <paramref name="i"/>, as the binding dialog does it: the loan registered under its
    /// binding hash (what the loan import does), then a bind with the same name, last 6 and phone.
    /// </summary>
    private async Task BindOwnAsync(int i)
    {
        var registry = new BindingRegistry(Storage, ReminderWorld.Protector);
        var (lastSix, phone) = ($"{i:D6}", $"138{i:D8}");
        await registry.RegisterAsync(_county.Id, registry.Hash("张三", lastSix, phone)!, new BindingSubject(BindingRegistry.LoanKind, Number(i)));
        var bound = await new BindingService(Storage, Storage, Storage, new BindingReader(Storage, Storage, Storage), registry, _time, NullLogger<BindingService>.Instance)
            .BindAsync(_county.Id, "wechat", $"o_bound_{i}", "张三", lastSix, phone);
        Assert.Equal(BindingOutcome.Bound, bound.Outcome);
    }

    private sealed record Node(ReminderSweepRunner Runner, StorageOutbox Outbox, PointerExpansion Expansion, LoanStore Loans);

    /// <summary>One service instance as the composition root wires it: the sweep claims pointers, delivery expands them.</summary>
    private Node Instance(string outboxKeyspace)
    {
        var loans = new LoanStore(Storage, Storage, Storage, new BoundBorrowerAccounts(new BindingReader(Storage, Storage, Storage), new StorageBorrowerAccounts(Storage, Storage)), _time);
        var outbox = new StorageOutbox(Storage, Storage, Storage, Storage, _time, outboxKeyspace);
        var sweep = new LoanRepaymentSweep(loans, _time, NullLogger<LoanRepaymentSweep>.Instance);
        // Each instance starts without a watermark, as after a first deployment or a lost watermark.
        var runner = new ReminderSweepRunner([sweep], new Counties(_county), new StorageSweepWatermarks(Storage, "wm-" + Guid.NewGuid().ToString("N")),
            outbox, new SweepOptions { EnqueueBatchSize = 64, EnqueueParallelism = 3 }, _time, NullLogger<ReminderSweepRunner>.Instance,
            outbox.Pointers);
        var expansion = new PointerExpansion(outbox.Pointers, outbox, [sweep], new Counties(_county), new DeliveryOptions(), _time,
            NullLogger<PointerExpansion>.Instance);
        return new Node(runner, outbox, expansion, loans);
    }

    [Fact]
    public async Task Every_due_loan_gets_one_reminder_to_the_right_person_and_a_rerun_queues_nothing()
    {
        var due = await SeedAsync();
        var keyspace = "ob-" + Guid.NewGuid().ToString("N");
        var node = Instance(keyspace);
        var outbox = node.Outbox;

        // The sweep reads only the maturity index: every loan due gets a pointer, repaid ones too (delivery drops them).
        var first = await node.Runner.RunAsync(ReminderKinds.LoanRepayment);
        var second = await Instance(keyspace).Runner.RunAsync(ReminderKinds.LoanRepayment);

        Assert.Equal((Loans, Loans), (first.Produced, first.Enqueued));
        Assert.Equal((Loans, 0), (second.Produced, second.Enqueued));
        Assert.Equal((0L, (long)Loans), ((await outbox.CountsAsync()).Enqueued, (await outbox.CountsAsync()).Unexpanded));

        Assert.Equal(Loans, await node.Expansion.ExpandAllDueAsync());
        var third = await Instance(keyspace).Runner.RunAsync(ReminderKinds.LoanRepayment);

        Assert.Equal(0, third.Enqueued);
        Assert.Equal(0, await node.Expansion.ExpandAllDueAsync());
        var entries = await outbox.ListAsync(OutboxStatus.Pending, 0, 5_000);
        Assert.Equal(due, entries.Select(e => e.Message.IdempotencyKey).Distinct().Count());
        Assert.Equal(due, entries.Count);
        var counts = await outbox.CountsAsync();
        Assert.Equal((due, 0L), (counts.Enqueued, counts.Unexpanded));
        var bySubject = entries.ToDictionary(e => e.Message.Subject!);
        Assert.Equal(OutboxRecipient.Farmer("o_direct_3"), bySubject[Number(3)].Message.Recipient);
        Assert.Equal(OutboxRecipient.Farmer("o_bound_4"), bySubject[Number(4)].Message.Recipient);
        Assert.Equal(OutboxRecipient.Cadre("liu"), bySubject[Number(5)].Message.Recipient);
        Assert.Equal(OutboxRecipient.Cadre("liu"), bySubject[Number(1_201)].Message.FallbackRecipient);
        Assert.False(bySubject.ContainsKey(Number(9)));
        Assert.Equal(["1d", "30d", "7d"], entries.Select(e => e.Message.Stage!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ReminderKinds.Key(ReminderKinds.LoanRepayment, _county.Id, Number(3), Day.AddDays(7), "7d"),
            bySubject[Number(3)].Message.IdempotencyKey);
    }

    [Fact]
    public async Task Two_instances_sweeping_and_expanding_at_once_queue_each_reminder_once()
    {
        var due = await SeedAsync();
        var keyspace = "ob-" + Guid.NewGuid().ToString("N");
        var a = Instance(keyspace);
        var b = Instance(keyspace);

        var reports = await Task.WhenAll(
            Task.Run(() => a.Runner.RunAsync(ReminderKinds.LoanRepayment)),
            Task.Run(() => b.Runner.RunAsync(ReminderKinds.LoanRepayment)));
        var expanded = await Task.WhenAll(Task.Run(() => a.Expansion.ExpandAllDueAsync()), Task.Run(() => b.Expansion.ExpandAllDueAsync()));

        Assert.Equal(Loans, reports.Sum(r => r.Enqueued));
        Assert.All(reports, r => Assert.Equal(Loans, r.Produced));
        Assert.Equal(Loans, expanded.Sum());
        var entries = await a.Outbox.ListAsync(OutboxStatus.Pending, 0, 5_000);
        Assert.Equal(due, entries.Count);
        Assert.Equal(due, entries.Select(e => e.Message.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task A_loan_repaid_after_the_sweep_gets_no_reminder()
    {
        await SeedAsync();
        var node = Instance("ob-" + Guid.NewGuid().ToString("N"));
        await node.Runner.RunAsync(ReminderKinds.LoanRepayment);

        await node.Loans.ConfirmRepaidAsync(_county.Id, Number(3), "liu");
        await node.Loans.ReportRepaidAsync(_county.Id, Number(6));
        await node.Expansion.ExpandAllDueAsync();

        var subjects = (await node.Outbox.ListAsync(OutboxStatus.Pending, 0, 5_000)).Select(e => e.Message.Subject).ToHashSet();
        Assert.DoesNotContain(Number(3), subjects);
        Assert.DoesNotContain(Number(6), subjects);
        Assert.Contains(Number(0), subjects);
        Assert.Equal(0, (await node.Outbox.CountsAsync()).Unexpanded);
    }

    [Fact]
    public async Task A_borrower_who_binds_wechat_after_the_sweep_is_reached_on_wechat()
    {
        await SeedAsync();
        var node = Instance("ob-" + Guid.NewGuid().ToString("N"));
        await node.Runner.RunAsync(ReminderKinds.LoanRepayment);

        // Loan 5 had no account at sweep time (the sweep would have written to the cadre); the borrower binds now.
        await new StorageBorrowerAccounts(Storage, Storage).BindAsync(_county.Id, Number(5), "o_late_5");
        await node.Expansion.ExpandAllDueAsync();

        var entry = (await node.Outbox.ListAsync(OutboxStatus.Pending, 0, 5_000)).Single(e => e.Message.Subject == Number(5));
        Assert.Equal(OutboxRecipient.Farmer("o_late_5"), entry.Message.Recipient);
        Assert.Equal(OutboxRecipient.Cadre("liu"), entry.Message.FallbackRecipient);
    }

    private sealed class Counties(ReminderCounty county) : IReminderCounties
    {
        public IReadOnlyList<ReminderCounty> All { get; } = [county];
    }
}

public sealed class EmbeddedBatchedSweepTests : BatchedSweepTests, IDisposable
{
    private readonly TempEmbeddedStorage _embedded = new("assistbot-sweep-");

    protected override IStorage Storage => _embedded.Storage;

    public void Dispose() => _embedded.Dispose();
}

[Collection(SharedRedisCollection.Name)]
public sealed class RedisBatchedSweepTests(SharedRedis redis) : BatchedSweepTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}

[Collection(SharedRedisClusterCollection.Name)]
public sealed class RedisClusterBatchedSweepTests(SharedRedisCluster redis) : BatchedSweepTests
{
    protected override IStorage Storage { get; } = new RedisStorage(redis.Connection);
}
