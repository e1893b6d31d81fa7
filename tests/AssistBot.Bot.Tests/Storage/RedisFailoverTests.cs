using System.Collections.Concurrent;
using System.Diagnostics;
using AssistBot.Benchmarks.Sweep;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>
/// Issue 18 item 6 on a private 3-master Redis Cluster with one replica each (cluster-node-timeout 2 s): a sweep over
/// 20,000 loans and farmers submitting declarations run together, one master is killed (SIGKILL, nothing saved) part-way
/// and its replica takes over. Every declaration the bot acknowledged as received is still readable; the outbox holds
/// each reminder exactly once, and a re-run of the sweep completes the set (pointers lost with the master are re-swept),
/// once delivery has expanded the pointers into messages.
/// </summary>
public sealed class RedisFailoverTests(ITestOutputHelper output)
{
    private const int Loans = 20_000;

    [Fact]
    public async Task Killing_a_master_mid_sweep_and_mid_conversation_loses_no_acknowledged_declaration_and_duplicates_no_reminder()
    {
        var started = Stopwatch.StartNew();
        await using var cluster = await RedisCluster.StartAsync(masters: 3, replicasPerMaster: 1);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(StorageServiceCollectionExtensions.CreateRedisOptions(cluster.Configuration));
        var storage = new RedisStorage(connection);
        var replication = new RedisWriteReplication(connection,
            Options.Create(new StorageOptions { AcknowledgedWriteReplicas = 1, AcknowledgedWriteTimeoutMilliseconds = 500 }),
            NullLogger<RedisWriteReplication>.Instance);
        var county = await SyntheticLoans.SeedOnceAsync(storage, Loans, LoanSpread.AllDue, _ => { });
        using var world = new CaseWorld(storage, replication: replication);
        var rules = world.County(world.Xinfeng).Rules;
        var keyspace = "failover-outbox-" + Guid.NewGuid().ToString("N")[..8];
        // Small batches, one at a time: the sweep (pointers only, fast) is still running when the master goes.
        var sweepOptions = new SweepOptions { EnqueueBatchSize = 20, EnqueueParallelism = 1 };
        output.WriteLine($"cluster up and {Loans} loans seeded in {started.Elapsed.TotalSeconds:F1} s");

        // Farmers submitting declarations (through the declaration store the dialog's submit step calls) until told to stop.
        var acknowledged = new ConcurrentBag<string>();
        var unconfirmed = new ConcurrentBag<string>();
        var failed = 0;
        using var stop = new CancellationTokenSource();
        var farmers = Enumerable.Range(0, 6).Select(f => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    var result = await world.Declarations.SubmitAsync(world.Xinfeng, "wechat", $"o_farmer{f}_{n}",
                        CaseWorld.Submission(n % 3 == 0 ? null : TestIds.Valid()), rules);
                    if (result.IsDuplicate) continue;
                    (result.Confirmed ? acknowledged : unconfirmed).Add(result.Declaration.Id);
                }
                catch (Exception e) when (e is StorageUnavailableException or StorageConflictException or RedisException or TimeoutException)
                {
                    // The dialog answers this with "没有提交成功，请稍后再试": nothing was acknowledged.
                    Interlocked.Increment(ref failed);
                    await Task.Delay(50);
                }
            }
        })).ToList();

        var rig = new SweepRig(storage, county, keyspace, sweepOptions);
        var firstSweep = Task.Run(() => rig.RunAsync());
        while (rig.Loans.Indexed < Loans / 10 && !firstSweep.IsCompleted) await Task.Delay(1);
        Assert.False(firstSweep.IsCompleted, "the sweep finished before the master was killed");
        var acknowledgedBeforeKill = acknowledged.Count;

        // Kill the first master; its replica is promoted once the others mark it failed (cluster-node-timeout 2 s).
        var failover = Stopwatch.StartNew();
        await cluster.Masters[0].StopAsync();
        var promoted = cluster.Replicas[0];
        while (true)
        {
            var role = (RedisResult[])(await RedisCluster.RunAsync(promoted, "ROLE"))!;
            var info = (string)(await RedisCluster.RunAsync(promoted, "CLUSTER", "INFO"))!;
            if ((string)role[0]! == "master" && info.Contains("cluster_state:ok", StringComparison.Ordinal)) break;
            Assert.True(failover.Elapsed < TimeSpan.FromSeconds(20), "no replica took over within 20 s");
            await Task.Delay(50);
        }
        failover.Stop();

        var firstRun = "completed";
        try
        {
            firstRun = $"completed, {(await firstSweep).Enqueued} claimed";
        }
        catch (Exception e)
        {
            firstRun = "interrupted: " + e.GetType().Name;
        }
        // Conversations go on for a moment after the failover, then stop.
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(farmers);

        // The next sweep (a fresh watermark: it looks at the same day again) re-queues what the dead master lost; run until one completes.
        var reruns = 0;
        var requeued = 0;
        for (var done = false; !done; reruns++)
        {
            try
            {
                requeued += (await new SweepRig(storage, county, keyspace, sweepOptions).RunAsync()).Enqueued;
                done = true;
            }
            catch (Exception e) when (reruns < 5)
            {
                output.WriteLine($"re-run {reruns + 1} failed ({e.GetType().Name}); trying again");
                await Task.Delay(500);
            }
        }
        var lastRig = new SweepRig(storage, county, keyspace, sweepOptions);
        var last = await lastRig.RunAsync();
        // Delivery's half: every claimed pointer becomes its message (retried while the cluster settles).
        var expanded = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                expanded += await lastRig.Expansion.ExpandAllDueAsync();
                break;
            }
            catch (Exception e) when (attempt < 5)
            {
                output.WriteLine($"expansion attempt {attempt + 1} failed ({e.GetType().Name}); trying again");
                await Task.Delay(500);
            }
        }

        // Every acknowledged declaration is readable after the failover.
        var lost = new List<string>();
        foreach (var id in acknowledged)
            if (await world.Declarations.GetAsync(world.Xinfeng, id) is null) lost.Add(id);

        // Each reminder is in the outbox exactly once: one entry per loan, no idempotency key twice.
        var outbox = new StorageOutbox(storage, storage, storage, storage, TimeProvider.System, keyspace);
        var entries = await outbox.ListAsync(OutboxStatus.Pending, 0, Loans + 1000);
        var keys = entries.Select(e => e.Message.IdempotencyKey).ToList();
        var duplicated = keys.Count - keys.Distinct(StringComparer.Ordinal).Count();

        output.WriteLine($"declarations acknowledged: {acknowledged.Count} ({acknowledgedBeforeKill} before the kill), lost: {lost.Count}; " +
            $"saved but told 'will be confirmed': {unconfirmed.Count}; failed and told to retry: {failed}");
        output.WriteLine($"first sweep {firstRun}; failover {failover.Elapsed.TotalSeconds:F1} s; re-runs until complete: {reruns}, " +
            $"re-claimed {requeued}; last re-run claimed {last.Enqueued}; {expanded} pointers expanded; outbox {entries.Count} entries for {Loans} loans, duplicated {duplicated}");
        output.WriteLine($"total {started.Elapsed.TotalSeconds:F1} s");

        Assert.True(acknowledged.Count > 0, "no declaration was acknowledged");
        Assert.Empty(lost);
        Assert.Equal(0, duplicated);
        Assert.Equal(Loans, entries.Count);
        Assert.Equal(0, last.Enqueued);
    }
}
