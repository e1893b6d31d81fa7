using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Sweeps;
using StackExchange.Redis;

namespace AssistBot.Benchmarks.Sweep;

/// <summary>
/// <c>sweep</c>: seeds synthetic loans into a Redis (or the embedded store) and times the borrower-prompt sweep over
/// them: loans read, reminders queued, seconds, reminders/s, peak managed heap and peak RSS. Seeding is timed apart.
/// </summary>
public static class SweepCommand
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/AssistBot.Benchmarks -- sweep [options]
          --redis HOST:PORT  the Redis to use (a throwaway one: the run adds loans and outbox entries to it); a Redis
                             Cluster is a comma-separated list of its nodes; give --redis several times to measure
                             several stores one after the other in the same run (e.g. standalone, then cluster)
          --embedded         use the embedded store (SQLite in a temporary directory) instead
          --loans N          synthetic loans (default 1000000)
          --spread all-due|year|both
                             all-due: every loan has a prompt on the swept day (reads N loans, queues N reminders);
                             year: maturities over a year (one ordinary day); default both
          --rerun            sweep again with the same outbox: must queue nothing
          --no-warmup        skip the warm-up sweep over 50000 other loans (JIT) before the measured one
          --repeat N         measure each sweep N times (each into a fresh outbox)
          --stage produce|serialize|all
                             produce: read the loans and build the messages only (what delivery's expansion reads);
                             serialize: also serialize each as the outbox stores it; nothing is written in either (to
                             see where the time goes); default all (the service's sweep: reminder pointers claimed)
          --expand N         after each measured sweep, time delivery's expansion of the first N due pointers into
                             outbox messages (loan read then, message queued), as the delivery rounds do it
          --batch N, --parallel N   Reminders:EnqueueBatchSize and EnqueueParallelism (default 500 and 4)
          --smoke            20000 loans, all-due, with --rerun and --expand 20000; exit 1 unless N claimed, then 0,
                             and all N expanded into N queued messages (for ./test.sh)
        Loans are seeded once per Redis (county id sweep-{spread}-{N}); later runs reuse them.
        """;

    private const int WarmupLoans = 50_000;

    private sealed record Options(IReadOnlyList<string> Redis, bool Embedded, int Loans, LoanSpread[] Spreads, bool Rerun, bool Smoke, bool Warmup,
        int Repeat, SweepOptions Sweep, SweepStage Stage = SweepStage.All, int Expand = 0);

    public static async Task<int> RunAsync(string[] args)
    {
        Options options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var failed = false;
        if (options.Embedded) failed |= !await RunOnAsync(null, options);
        foreach (var target in options.Redis) failed |= !await RunOnAsync(target, options);
        Console.WriteLine($"load average at the end {LoadAverage()}");
        if (failed) Console.Error.WriteLine("sweep run FAILED");
        return failed ? 1 : 0;
    }

    /// <summary>The whole measurement on one store: the embedded one (<paramref name="redisTarget"/> null) or a Redis.</summary>
    private static async Task<bool> RunOnAsync(string? redisTarget, Options options)
    {
        ConnectionMultiplexer? redis = null;
        string? directory = null;
        IStorage storage;
        if (redisTarget is null)
        {
            directory = Directory.CreateTempSubdirectory("assistbot-sweep-").FullName;
            storage = new EmbeddedStorage(Path.Combine(directory, "assistbot.db"), TimeProvider.System);
        }
        else
        {
            var redisOptions = StorageServiceCollectionExtensions.CreateRedisOptions(redisTarget);
            redisOptions.AllowAdmin = true; // INFO memory
            redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
            storage = new RedisStorage(redis);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AssistBot reminder sweep: {options.Loans:N0} loans, {storage.Description}{(storage.SlotGroups > 1 ? $" (cluster, {Masters(redis).Count} masters)" : "")}, " +
            $"{Environment.ProcessorCount} cores, {Configuration} build, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {LoadAverage()}"));
        var failed = false;
        try
        {
            if (options.Warmup)
            {
                var county = await SyntheticLoans.SeedOnceAsync(storage, WarmupLoans, LoanSpread.AllDue, Console.WriteLine);
                var clock = Stopwatch.StartNew();
                var report = await new SweepRig(storage, county, NewOutboxKeyspace(), options.Sweep).RunAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up (JIT): {report.Enqueued:N0} reminders claimed in {clock.Elapsed.TotalSeconds:0.00} s"));
            }
            foreach (var spread in options.Spreads)
                failed |= !await MeasureAsync(storage, redis, options, spread);
        }
        finally
        {
            if (storage is IDisposable disposable) disposable.Dispose();
            if (redis is not null) await redis.DisposeAsync();
            if (directory is not null) try { Directory.Delete(directory, true); } catch (IOException) { }
        }
        return !failed;
    }

    private static async Task<bool> MeasureAsync(IStorage storage, ConnectionMultiplexer? redis, Options options, LoanSpread spread)
    {
        var county = await SyntheticLoans.SeedOnceAsync(storage, options.Loans, spread, Console.WriteLine);
        var ok = true;
        for (var i = 0; i < options.Repeat; i++) ok &= await MeasureOnceAsync(storage, redis, options, spread, county);
        return ok;
    }

    private static async Task<bool> MeasureOnceAsync(IStorage storage, ConnectionMultiplexer? redis, Options options, LoanSpread spread,
        string county)
    {
        var keyspace = NewOutboxKeyspace();
        var redisBefore = await RedisUsedBytes(redis);
        var redisPids = await RedisProcessIds(redis);
        GC.Collect();
        var rssBefore = ResourceSampler.RssMiB;
        var rig = new SweepRig(storage, county, keyspace, options.Sweep);
        var sampler = ResourceSampler.Start();
        var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var redisBeforeCpu = CpuSeconds(redisPids);
        var clock = Stopwatch.StartNew();
        var report = options.Stage switch
        {
            SweepStage.All => await rig.RunAsync(),
            _ => await rig.RunPartAsync(options.Stage),
        };
        var seconds = clock.Elapsed.TotalSeconds;
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - processBefore).TotalSeconds;
        var redisAfterCpu = CpuSeconds(redisPids);
        var (redisUser, redisSystem) = (redisAfterCpu.User - redisBeforeCpu.User, redisAfterCpu.System - redisBeforeCpu.System);
        await sampler.DisposeAsync();
        var redisAfter = await RedisUsedBytes(redis);
        var redisMemory = redis is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture,
                $"; Redis used memory {redisBefore / 1048576.0:0} → {redisAfter / 1048576.0:0} MiB ({(redisAfter - redisBefore) / (double)Math.Max(1, report.Enqueued):0} bytes per queued reminder)");
        if (options.Stage != SweepStage.All)
        {
            var serialized = options.Stage == SweepStage.Serialize
                ? string.Create(CultureInfo.InvariantCulture, $", {rig.SerializedBytes / (double)Math.Max(1, report.Produced):0} JSON bytes each")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stage {options.Stage.ToString().ToLowerInvariant()} only (nothing written): {report.Produced:N0} messages produced in {seconds:0.00} s{serialized}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep {spread}: {rig.Loans.Indexed:N0} maturity index entries and {rig.Loans.Read:N0} loans read, {report.Enqueued:N0} reminders {(options.Stage == SweepStage.All ? "claimed" : "queued")} in {seconds:0.00} s = " +
            $"{report.Enqueued / seconds:N0} reminders/s; managed heap peak {sampler.PeakManagedMiB:0} MiB ({sampler.PeakAfterGcMiB:0} MiB after GC), " +
            $"peak RSS {sampler.PeakRssMiB:0} MiB (before {rssBefore:0} MiB){redisMemory}"));
        var perReminder = 1e6 / Math.Max(1, report.Produced);
        var redisCpu = redisPids.Count == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture,
                $", Redis {redisUser + redisSystem:0.00} s ({(redisUser + redisSystem) * perReminder:0.0} µs per reminder; {redisSystem:0.00} s of it in the kernel)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CPU during the sweep: this process {processCpu:0.00} s ({processCpu * perReminder:0.0} µs per reminder){redisCpu}; " +
            $"load average {LoadAverage()}"));

        var expected = spread == LoanSpread.AllDue ? options.Loans : -1;
        var ok = expected < 0 || (report.Produced == expected &&
            (report.Enqueued == expected || options.Stage != SweepStage.All));
        if (!ok) Console.Error.WriteLine($"expected {expected} reminders produced and queued, got {report.Produced} and {report.Enqueued}");
        if (options.Rerun && options.Stage == SweepStage.All)
        {
            var again = new SweepRig(storage, county, keyspace, options.Sweep);
            clock.Restart();
            var second = await again.RunAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"re-run {spread}: {second.Produced:N0} reminders produced, {second.Enqueued:N0} claimed in {clock.Elapsed.TotalSeconds:0.00} s"));
            var counts = await again.Outbox.CountsAsync();
            if (second.Enqueued != 0 || second.Produced != report.Produced || counts.Unexpanded != report.Enqueued)
            {
                Console.Error.WriteLine($"re-run claimed {second.Enqueued} (expected 0); outbox holds {counts.Unexpanded} unexpanded, first run claimed {report.Enqueued}");
                ok = false;
            }
        }
        if (options.Expand > 0 && options.Stage == SweepStage.All) ok &= await ExpandAsync(rig, redis, redisPids, options.Expand, spread);
        return ok;
    }

    /// <summary>
    /// Delivery's half of the work: the first <paramref name="pointers"/> due pointers expanded into outbox messages
    /// (loans and bindings read then, messages built and queued), timed like the sweep.
    /// </summary>
    private static async Task<bool> ExpandAsync(SweepRig rig, ConnectionMultiplexer? redis, List<int> redisPids, int pointers, LoanSpread spread)
    {
        var before = await rig.Outbox.CountsAsync();
        var redisBefore = await RedisUsedBytes(redis);
        var sampler = ResourceSampler.Start();
        var processBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var redisBeforeCpu = CpuSeconds(redisPids);
        var readBefore = rig.Loans.Read;
        var clock = Stopwatch.StartNew();
        var expanded = await rig.ExpandAsync(pointers);
        var seconds = clock.Elapsed.TotalSeconds;
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - processBefore).TotalSeconds;
        var redisAfterCpu = CpuSeconds(redisPids);
        var redisCpu = redisAfterCpu.User - redisBeforeCpu.User + redisAfterCpu.System - redisBeforeCpu.System;
        await sampler.DisposeAsync();
        var after = await rig.Outbox.CountsAsync();
        var queued = after.Enqueued - before.Enqueued;
        var perPointer = 1e6 / Math.Max(1, expanded);
        var redisAfter = await RedisUsedBytes(redis);
        var redisMemory = redis is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture,
                $"; Redis used memory +{(redisAfter - redisBefore) / (double)Math.Max(1, queued):0} bytes per queued message");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"expand {spread}: {expanded:N0} due pointers → {rig.Loans.Read - readBefore:N0} loans read, {queued:N0} messages queued in {seconds:0.00} s " +
            $"({expanded / seconds:N0} pointers/s); CPU this process {processCpu * perPointer:0.0} µs, Redis {redisCpu * perPointer:0.0} µs per pointer; " +
            $"managed heap peak {sampler.PeakManagedMiB:0} MiB; {after.Unexpanded:N0} still unexpanded{redisMemory}"));
        var ok = expanded >= Math.Min(pointers, (int)before.Unexpanded) && queued == expanded && after.Unexpanded == before.Unexpanded - expanded;
        if (!ok) Console.Error.WriteLine($"expansion: {expanded} pointers, {queued} messages queued, {before.Unexpanded} → {after.Unexpanded} unexpanded");
        return ok;
    }

    /// <summary>A fresh outbox per measured sweep, about as long as production's "outbox" (key length costs Redis time).</summary>
    public static string NewOutboxKeyspace() => "ob" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The masters: the one server of a standalone Redis, every master of a cluster.</summary>
    private static List<IServer> Masters(ConnectionMultiplexer? redis) =>
        redis is null ? [] : [.. redis.GetServers().Where(s => s.IsConnected && !s.IsReplica)];

    /// <summary>INFO memory used_memory, summed over the masters (the whole outbox of a cluster).</summary>
    private static async Task<long> RedisUsedBytes(ConnectionMultiplexer? redis)
    {
        long total = 0;
        foreach (var server in Masters(redis))
        {
            var info = await server.InfoAsync("memory");
            var used = info.SelectMany(g => g).FirstOrDefault(p => p.Key == "used_memory").Value;
            if (used is not null) total += long.Parse(used, CultureInfo.InvariantCulture);
        }
        return total;
    }

    /// <summary>The process ids of the masters that run on this machine (for their CPU time).</summary>
    private static async Task<List<int>> RedisProcessIds(ConnectionMultiplexer? redis)
    {
        var pids = new List<int>();
        foreach (var server in Masters(redis))
        {
            var info = await server.InfoAsync("server");
            var pid = info.SelectMany(g => g).FirstOrDefault(p => p.Key == "process_id").Value;
            if (pid is not null && File.Exists($"/proc/{pid}/stat")) pids.Add(int.Parse(pid, CultureInfo.InvariantCulture));
        }
        return pids;
    }

    private static (double User, double System) CpuSeconds(List<int> pids)
    {
        double user = 0, system = 0;
        foreach (var pid in pids)
        {
            var (u, s) = CpuSeconds(pid);
            user += u;
            system += s;
        }
        return (user, system);
    }

    /// <summary>User and system CPU seconds of a process, from /proc (clock ticks of 1/100 s).</summary>
    private static (double User, double System) CpuSeconds(int? pid)
    {
        if (pid is null) return (0, 0);
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) / 100.0, long.Parse(fields[12], CultureInfo.InvariantCulture) / 100.0);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static Options Parse(string[] args)
    {
        var o = new Options([], false, 1_000_000, [LoanSpread.AllDue, LoanSpread.Year], false, false, true, 1, new SweepOptions());
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--redis" => o with { Redis = [.. o.Redis, Next()] },
                "--embedded" => o with { Embedded = true },
                "--loans" => o with { Loans = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--spread" => o with
                {
                    Spreads = Next() switch
                    {
                        "all-due" => [LoanSpread.AllDue],
                        "year" => [LoanSpread.Year],
                        "both" => [LoanSpread.AllDue, LoanSpread.Year],
                        var s => throw new ArgumentException($"unknown spread {s}"),
                    },
                },
                "--rerun" => o with { Rerun = true },
                "--no-warmup" => o with { Warmup = false },
                "--batch" => o with { Sweep = new SweepOptions { EnqueueBatchSize = int.Parse(Next(), CultureInfo.InvariantCulture), EnqueueParallelism = o.Sweep.EnqueueParallelism } },
                "--parallel" => o with { Sweep = new SweepOptions { EnqueueBatchSize = o.Sweep.EnqueueBatchSize, EnqueueParallelism = int.Parse(Next(), CultureInfo.InvariantCulture) } },
                "--stage" => o with
                {
                    Stage = Next() switch
                    {
                        "produce" => SweepStage.Produce,
                        "serialize" => SweepStage.Serialize,
                        "all" => SweepStage.All,
                        var s => throw new ArgumentException($"unknown stage {s}"),
                    },
                },
                "--expand" => o with { Expand = Math.Max(0, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--repeat" => o with { Repeat = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--smoke" => o with { Smoke = true, Loans = 20_000, Spreads = [LoanSpread.AllDue], Rerun = true, Warmup = false, Expand = 20_000 },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (!o.Embedded && o.Redis.Count == 0) throw new ArgumentException("give --redis HOST:PORT or --embedded");
        return o;
    }
}
