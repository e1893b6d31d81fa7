using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Sweeps;
using BenchmarkDotNet.Attributes;
using StackExchange.Redis;

namespace AssistBot.Benchmarks.Sweep;

/// <summary>
/// The borrower-prompt sweep over 10,000 synthetic loans that all have a prompt on the swept day (10,000 reminders
/// queued per run, each run into a fresh outbox), on the embedded store and on Redis. Times are per reminder.
/// The Redis case needs ASSISTBOT_BENCH_REDIS=host:port (a throwaway Redis: loans and outboxes are left in it).
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    public const int Loans = 10_000;
    public const string RedisVariable = "ASSISTBOT_BENCH_REDIS";

    private IStorage _storage = null!;
    private ConnectionMultiplexer? _redis;
    private string? _directory;
    private string _county = "";
    private SweepRig _rig = null!;

    [ParamsSource(nameof(Storages))]
    public string Storage { get; set; } = "embedded";

    public static IEnumerable<string> Storages()
    {
        yield return "embedded";
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RedisVariable))) yield return "redis";
        else Console.WriteLine($"{RedisVariable} is not set: the Redis sweep benchmark is skipped (set it to host:port of a throwaway Redis).");
    }

    [GlobalSetup]
    public void Setup()
    {
        if (Storage == "redis")
        {
            _redis = ConnectionMultiplexer.Connect(StorageServiceCollectionExtensions.CreateRedisOptions(Environment.GetEnvironmentVariable(RedisVariable)!));
            _storage = new RedisStorage(_redis);
        }
        else
        {
            _directory = Directory.CreateTempSubdirectory("assistbot-sweep-bench-").FullName;
            _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);
        }
        _county = SyntheticLoans.SeedOnceAsync(_storage, Loans, LoanSpread.AllDue, Console.WriteLine).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewOutbox() => _rig = new SweepRig(_storage, _county, SweepCommand.NewOutboxKeyspace());

    [Benchmark(OperationsPerInvoke = Loans, Description = "sweep: per reminder queued")]
    public async Task<SweepReport> Sweep()
    {
        var report = await _rig.RunAsync().ConfigureAwait(false);
        if (report.Enqueued != Loans) throw new InvalidOperationException($"{report.Enqueued} reminders queued, expected {Loans}");
        return report;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        (_storage as IDisposable)?.Dispose();
        _redis?.Dispose();
        if (_directory is not null) try { Directory.Delete(_directory, true); } catch (IOException) { }
    }
}
