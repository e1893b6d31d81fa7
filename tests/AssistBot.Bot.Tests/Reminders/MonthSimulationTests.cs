using AssistBot.Bot.Reminders;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Time;
using StackExchange.Redis;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// May 2024 in 信丰 under a fake clock: imported loans, roster (with a county-level 县乡村振兴局 cadre), households and
/// sites (two 光伏电站 and an 安置点); the sweeps and the delivery worker run
/// every three hours. Every expected reminder is delivered exactly once, on the right day, across a restart with
/// two days of downtime, and with two instances sharing one Redis.
/// </summary>
public abstract class MonthSimulationTests
{
    protected static readonly DateTimeOffset MonthStart = ChinaTime.At(new DateOnly(2024, 5, 1), TimeOnly.MinValue);
    protected static readonly DateTimeOffset MonthEnd = ChinaTime.At(new DateOnly(2024, 6, 1), TimeOnly.MinValue);
    protected static readonly TimeSpan Tick = TimeSpan.FromHours(3);

    private static DateOnly D(int month, int day) => new(2024, month, day);

    /// <summary>What must go out in May 2024: (recipient, CST day of delivery, a phrase identifying the message).</summary>
    protected static readonly (string To, DateOnly Day, string Phrase)[] Expected =
    [
        // XF2024001 张三, bound to WeChat: 30/7/1 days before 5/31 — on those exact days.
        ("o-zhangsan", D(5, 1), "2024年5月31日到期（30天后到期）"),
        ("o-zhangsan", D(5, 24), "2024年5月31日到期（7天后到期）"),
        ("o-zhangsan", D(5, 30), "2024年5月31日到期（明天到期）"),
        // XF2024002 李四, not bound: prompts reach cadre 刘 — the 7-day prompt on 5/3, a holiday (a farmer's date does not move).
        ("liu.ganbu", D(5, 3), "XF2024002）将于2024年5月10日到期（7天后）"),
        ("liu.ganbu", D(5, 9), "XF2024002）将于2024年5月10日到期（明天）"),
        // ... and once overdue: day 1 is Saturday 5/11, a 调休 working day; day 7 is 5/17 (during the downtime → caught up).
        ("liu.ganbu", D(5, 11), "编号XF2024002）已于2024年5月10日到期，逾期1天"),
        ("liu.ganbu", D(5, 17), "编号XF2024002）已于2024年5月10日到期，逾期7天"),
        // XF2024003 王五: 30 days before 6/15 is 5/16 (in the embedded run that is downtime → sent when back on 5/17).
        ("chen.ganbu", D(5, 16), "XF2024003）将于2024年6月15日到期（30天后）"),
        // XF2024004 赵六 matured 4/30: day 1 (5/1) moves past the May Day break to 5/6; day 7 is 5/7.
        ("chen.ganbu", D(5, 6), "编号XF2024004）已于2024年4月30日到期，逾期1天"),
        ("chen.ganbu", D(5, 7), "编号XF2024004）已于2024年4月30日到期，逾期7天"),
        // Monthly due list on the first working day of May (5/6).
        ("liu.ganbu", D(5, 6), "【本月到期贷款】"),
        // H001 (monitoring since 2/1): quarterly duties due 5/1 reach the cadre on 5/6, the first working day.
        ("liu.ganbu", D(5, 6), "“帮扶措施\"回头看\"（未消除风险监测对象）”已于2024年5月1日到期"),
        ("liu.ganbu", D(5, 6), "“住房安全上门查看”已于2024年5月1日到期"),
        // Still undone after 3 working days → the township's lead; the house visit was recorded on 5/7, so only one.
        ("huang.shuji", D(5, 9), "“帮扶措施\"回头看\"（未消除风险监测对象）”已于2024年5月1日到期"),
        // 光伏电站 GF001 (刘): twice a month, at the start of each half. Its first half was recorded done on 5/10 → no escalation.
        ("liu.ganbu", D(5, 6), "（编号GF001）的“光伏电站运维（第1次，共2次）”须在2024年5月15日前完成"),
        ("liu.ganbu", D(5, 16), "（编号GF001）的“光伏电站运维（第2次，共2次）”须在2024年5月31日前完成"),
        // 光伏电站 GF002 (陈): the first half was never recorded → 嘉定镇's lead 3 working days after 5/15.
        ("chen.ganbu", D(5, 6), "（编号GF002）的“光伏电站运维（第1次，共2次）”须在2024年5月15日前完成"),
        ("chen.ganbu", D(5, 16), "（编号GF002）的“光伏电站运维（第2次，共2次）”须在2024年5月31日前完成"),
        ("zhou.zz", D(5, 20), "（编号GF002）“光伏电站运维（第1次，共2次）”已于2024年5月15日到期"),
        // 安置点 AZ001 (陈): monthly 回访.
        ("chen.ganbu", D(5, 6), "（编号AZ001）的“安置点回访和双向帮扶”须在2024年5月31日前完成"),
        // Role duties of the county office (徐, 县乡村振兴局): May's 集中研判; April's, and the 4月底 30% spending deadline,
        // were never recorded → marked overdue 3 working days after 4/30 (the May Day break in between).
        ("xu.xzj", D(5, 6), "的“防返贫监测集中研判”须在2024年5月31日前完成"),
        ("xu.xzj", D(5, 8), "的“防返贫监测集中研判”已于2024年4月30日到期"),
        ("xu.xzj", D(5, 8), "的“衔接资金支出进度（目标：支出率达到30%以上）”已于2024年4月30日到期"),
        // 以奖代补 window for the subscribed farmer: opens 5/11, closes 5/31 → notice 5/28.
        ("o-zhangsan", D(5, 11), "以奖代补项目申请（第一批）今天开始"),
        ("o-zhangsan", D(5, 28), "以奖代补项目申请（第一批）将于2024年5月31日截止（3天后）"),
    ];

    /// <summary>
    /// The roster and households go in through the cases part's importer (the real CSV path and stored shape), the
    /// loans through the loan importer.
    /// </summary>
    protected static async Task<ReminderWorld> SeedAsync(IStorage storage, TimeProvider time)
    {
        using var cases = new CaseWorld(storage);
        var roster = await cases.Importer.ImportRosterAsync(cases.Xinfeng, string.Join('\n',
            "企业微信账号,姓名,职务,乡镇,村",
            "liu.ganbu,刘干部,驻村工作队员,大塘埠镇,代屋村；新村",
            "chen.ganbu,陈干部,村干部,嘉定镇,游州村",
            "huang.shuji,黄书记,党委书记,大塘埠镇,",
            "zhou.zz,周镇长,镇长,嘉定镇,",
            "xu.xzj,徐股长,县乡村振兴局,县级,"));
        Assert.Equal(5, roster.Imported);
        Assert.Empty(roster.Errors);
        Assert.Empty(roster.Remarks);
        var households = await cases.Importer.ImportHouseholdsAsync(cases.Xinfeng, string.Join('\n',
            "户编号,户主姓名,身份证号,乡镇,村,监测对象类别,纳入日期,帮扶责任人",
            $"H001,孙大,{TestIds.Valid()},大塘埠镇,代屋村,脱贫不稳定户,2024-02-01,刘干部",
            $"H002,周二,{TestIds.Valid()},嘉定镇,游州村,脱贫户,,chen.ganbu"));
        Assert.Equal(2, households.Imported);
        var sites = await cases.Importer.ImportSitesAsync(cases.Xinfeng, string.Join('\n',
            "编号,名称,类型,乡镇,村,负责人",
            "GF001,代屋村光伏电站,光伏电站,大塘埠镇,代屋村,liu.ganbu",
            "GF002,游州村光伏电站,光伏,嘉定镇,游州村,陈干部",
            "AZ001,游州安置点,安置点,嘉定镇,游州村,chen.ganbu"));
        Assert.Equal(3, sites.Imported);

        var world = new ReminderWorld("xinfeng-2024", cases.Xinfeng);
        var import = await world.ImportLoansAsync(storage, time, "xinfeng-loans.csv");
        Assert.Equal(4, import.Imported);
        await new StorageBorrowerAccounts(storage, storage).BindAsync(world.County.Id, "XF2024001", "o-zhangsan");
        await new StorageWindowSubscribers(storage).SubscribeAsync(world.County.Id, "o-zhangsan");
        return world;
    }

    /// <summary>The cadre records the house visit of H001 on 5/7 ("已完成 H001") and GF001's maintenance on 5/10.</summary>
    protected static async Task RecordVisitIfDueAsync(ReminderHost host, ReminderWorld world, DateTimeOffset now, DateTimeOffset previous)
    {
        var visit = ChinaTime.At(new DateOnly(2024, 5, 7), new TimeOnly(15, 0));
        if (previous < visit && now >= visit)
            await host.Ledger.RecordAsync(world.County.Id, "H001", ["house-safety"], new DateOnly(2024, 5, 7), "liu.ganbu", "房屋无异常");
        var maintenance = ChinaTime.At(new DateOnly(2024, 5, 10), new TimeOnly(11, 0));
        if (previous < maintenance && now >= maintenance)
            await host.Ledger.RecordAsync(world.County.Id, "GF001", ["pv-maintenance"], new DateOnly(2024, 5, 10), "liu.ganbu", null);
    }

    protected static void AssertExactlyTheExpected(RecordingSender sender, DateOnly? downFrom = null, DateOnly? upAgain = null)
    {
        var sent = sender.Messages.ToList();
        var log = string.Join("\n", sent.Select(m => $"{ChinaTime.ToChina(m.At):MM-dd HH:mm} {m.UserId}: {m.Text}"));
        foreach (var (to, day, phrase) in Expected)
        {
            var matches = sent.Where(m => m.UserId == to && m.Text.Contains(phrase, StringComparison.Ordinal)).ToList();
            Assert.True(matches.Count == 1, $"expected one '{phrase}' to {to}, got {matches.Count}. Sent:\n{log}");
            var expectedDay = day >= downFrom && day < upAgain ? upAgain.Value : day;
            Assert.True(expectedDay == ChinaTime.DateOf(matches[0].At), $"'{phrase}' went out on {ChinaTime.DateOf(matches[0].At)}, not {expectedDay}");
        }
        Assert.True(Expected.Length == sent.Count, $"expected {Expected.Length} messages, sent {sent.Count}:\n{log}");
        Assert.Equal(sent.Count, sent.Select(m => (m.UserId, m.Text)).Distinct().Count());
        // Cadre duty reminders never land on a rest day.
        Assert.All(sent.Where(m => m.Text.StartsWith("【走访", StringComparison.Ordinal) || m.Text.StartsWith("【工作", StringComparison.Ordinal)),
            m => Assert.True(ReminderWorld.Workdays.IsWorkday(ChinaTime.DateOf(m.At))));
    }
}

public sealed class EmbeddedMonthSimulationTests : MonthSimulationTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-month-").FullName;

    [Fact]
    public async Task A_month_with_a_restart_and_two_days_of_downtime_sends_every_reminder_once()
    {
        var clock = new FakeTimeProvider(MonthStart);
        var sender = new RecordingSender(clock);
        var path = Path.Combine(_directory, "assistbot.db");
        var storage = new EmbeddedStorage(path, TimeProvider.System);
        var world = await SeedAsync(storage, clock);
        var host = world.Host(storage, clock, sender);

        var downFrom = ChinaTime.At(new DateOnly(2024, 5, 15), new TimeOnly(6, 0));
        var upAgain = ChinaTime.At(new DateOnly(2024, 5, 17), new TimeOnly(12, 0));
        var previous = MonthStart;
        for (var now = MonthStart; now <= MonthEnd; previous = now, now += Tick)
        {
            if (now > downFrom && now < upAgain) continue; // the service is down
            if (previous <= downFrom && now >= upAgain)
            {
                // Restart: a new process over the same data file.
                await host.DisposeAsync();
                storage.Dispose();
                storage = new EmbeddedStorage(path, TimeProvider.System);
                host = world.Host(storage, clock, sender);
            }
            clock.SetUtcNow(now);
            await RecordVisitIfDueAsync(host, world, now, previous);
            await host.TickAsync();
        }
        await host.DisposeAsync();
        storage.Dispose();

        // What fell due while the service was down goes out as soon as it is back (5/17 12:00).
        AssertExactlyTheExpected(sender, ChinaTime.DateOf(downFrom), ChinaTime.DateOf(upAgain));
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

[Collection(SharedRedisCollection.Name)]
public sealed class RedisMonthSimulationTests(SharedRedis redis) : MonthSimulationTests
{
    [Fact]
    public Task Two_instances_sharing_one_redis_send_every_reminder_exactly_once() => TwoInstancesAsync(redis);

    /// <summary>Two instances, each with its own connection to <paramref name="redis"/> (standalone or cluster).</summary>
    internal static async Task TwoInstancesAsync(SharedRedis redis)
    {
        var clock = new FakeTimeProvider(MonthStart);
        var sender = new RecordingSender(clock);
        await using var second = await ConnectionMultiplexer.ConnectAsync(
            StorageServiceCollectionExtensions.CreateRedisOptions(redis.Configuration));
        var storageA = new RedisStorage(redis.Connection);
        var storageB = new RedisStorage(second);
        var world = await SeedAsync(storageA, clock);
        var hostA = world.Host(storageA, clock, sender);
        var hostB = world.Host(storageB, clock, sender);

        var restartAt = ChinaTime.At(new DateOnly(2024, 5, 15), new TimeOnly(12, 0));
        var previous = MonthStart;
        for (var now = MonthStart; now <= MonthEnd; previous = now, now += Tick)
        {
            clock.SetUtcNow(now);
            if (now == restartAt)
            {
                await hostB.DisposeAsync();
                hostB = world.Host(storageB, clock, sender); // instance B restarts
            }
            await RecordVisitIfDueAsync(hostA, world, now, previous);
            // Both instances sweep and deliver at the same moment.
            await Task.WhenAll(Task.Run(hostA.TickAsync), Task.Run(hostB.TickAsync));
        }
        await hostA.DisposeAsync();
        await hostB.DisposeAsync();

        AssertExactlyTheExpected(sender);
    }
}

/// <summary>The same two-instance month on a 3-master Redis Cluster.</summary>
[Collection(SharedRedisClusterCollection.Name)]
public sealed class RedisClusterMonthSimulationTests(SharedRedisCluster redis) : MonthSimulationTests
{
    [Fact]
    public Task Two_instances_sharing_one_redis_cluster_send_every_reminder_exactly_once() =>
        RedisMonthSimulationTests.TwoInstancesAsync(redis);
}
