using System.Globalization;
using AssistBot.LoadTest;

if (args is ["--serve-baseline"])
{
    await BaselineServer.RunAsync();
    return 0;
}
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

const string Token = "loadtest-token";
const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const string AppId = "wxloadtest00000001";
var platform = new WeChatPlatform(Token, AesKey, AppId);
var harnessDll = typeof(LoadRunner).Assembly.Location;
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/{Configuration}/net10.0
var root = FindRepositoryRoot(AppContext.BaseDirectory);
var botDll = Path.Combine(root, "bot", "bin", configuration, "net10.0", "AssistBot.Bot.dll");

Console.WriteLine($"AssistBot WeChat load harness: {options.Connections} connections, {options.Duration.TotalSeconds:0} s per scenario, " +
                  $"{options.Users} users, {Environment.ProcessorCount} cores, {configuration} build");
var rows = new List<(string Name, LoadResult Result, double RssStart, double RssEnd, double PeakMiB, double CpuMicrosPerMessage)>();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

foreach (var storage in options.Storages)
{
    if (storage == "redis" && string.IsNullOrWhiteSpace(options.Redis))
    {
        Console.WriteLine("redis: skipped (give --redis HOST:PORT)");
        if (options.Smoke) return 1;
        continue;
    }
    foreach (var mode in options.Modes)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("assistbot-load-").FullName;
        var environment = new Dictionary<string, string>
        {
            [$"Counties__{options.County}__WeChat__Token"] = Token,
            [$"Counties__{options.County}__WeChat__EncodingAESKey"] = AesKey,
            [$"Counties__{options.County}__WeChat__AppId"] = AppId,
            ["Storage__Redis"] = storage == "redis" ? options.Redis! : "",
            ["Storage__DataDirectory"] = dataDirectory,
            ["DataProtection__Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging__LogLevel__Default"] = "Warning",
            ["WeChat__ApiBaseUrl"] = "http://127.0.0.1:9", // nothing proactive should be sent; if it is, it fails fast
        };
        await using var server = ServerProcess.Start(botDll, [], environment);
        await server.WaitUntilReadyAsync("/healthz");
        rows.Add(await Measure($"pipeline {storage} {mode}", server, mode, storage == "redis" ? options.Redis : null));
        try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
    }
}

if (options.Baseline)
{
    await using var baseline = ServerProcess.Start(harnessDll, ["--serve-baseline"], new Dictionary<string, string>());
    await baseline.WaitUntilReadyAsync("/healthz");
    rows.Add(await Measure("bare Kestrel constant reply", baseline, "plain", null));
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-32} {"msg/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"deferred",8} {"server CPU µs/msg",18} {"RSS MiB start→end (peak)",26}");
foreach (var (name, r, start, end, peak, cpu) in rows)
    Console.WriteLine($"{name,-32} {r.PerSecond,9:0} {r.P50Ms,8:0.00} {r.P99Ms,8:0.00} {r.MaxMs,8:0.0} {r.ErrorCount,7} {r.Deferred,8} {cpu,18:0} {$"{start:0}→{end:0} ({peak:0})",26}");
foreach (var (name, r, _, _, _, _) in rows.Where(x => x.Result.ErrorCount > 0))
    Console.WriteLine($"errors in {name}: {string.Join(", ", r.Errors.Select(e => $"{e.Key} ×{e.Value}"))}");

var bare = rows.FirstOrDefault(r => r.Name.StartsWith("bare", StringComparison.Ordinal));
foreach (var row in rows.Where(r => r.Name.StartsWith("pipeline", StringComparison.Ordinal)))
{
    if (bare.Result is not null)
        Console.WriteLine($"{row.Name}: {100 * row.Result.PerSecond / bare.Result.PerSecond:0.0}% of bare Kestrel");
}
foreach (var storage in options.Storages)
{
    var plain = rows.FirstOrDefault(r => r.Name == $"pipeline {storage} plain");
    var safe = rows.FirstOrDefault(r => r.Name == $"pipeline {storage} safe");
    if (plain.Result is not null && safe.Result is not null)
        Console.WriteLine($"{storage}: safe mode = {100 * safe.Result.PerSecond / plain.Result.PerSecond:0.0}% of plain mode");
}

if (options.Smoke && (rows.Count == 0 || rows.Any(r => r.Result.ErrorCount > 0 || r.Result.Requests == 0)))
{
    Console.Error.WriteLine("load smoke run FAILED");
    return 1;
}
return 0;

async Task<(string, LoadResult, double, double, double, double)> Measure(string name, ServerProcess server, string mode, string? redis)
{
    var runner = new LoadRunner(options, platform);
    if (options.Warmup > TimeSpan.Zero) await runner.RunAsync(server.BaseUri, mode, options.Warmup, cancel.Token);
    var samples = new List<double>();
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            samples.Add(server.Memory().CurrentMiB);
            try { await Task.Delay(500, sampling.Token); } catch (OperationCanceledException) { }
        }
    });
    var cpuBefore = server.CpuTime();
    var redisCpuBefore = await RedisCpuProbe.CpuTimeAsync(redis);
    var result = await runner.RunAsync(server.BaseUri, mode, options.Duration, cancel.Token);
    var cpuMicrosPerMessage = result.Requests == 0 ? 0 : (server.CpuTime() - cpuBefore).TotalMicroseconds / result.Requests;
    var redisCpuAfter = await RedisCpuProbe.CpuTimeAsync(redis);
    var redisNote = redisCpuBefore is { } rb && redisCpuAfter is { } ra && result.Requests > 0
        ? string.Create(CultureInfo.InvariantCulture, $", Redis CPU {(ra - rb).TotalMicroseconds / result.Requests:0} µs/msg")
        : "";
    sampling.Cancel();
    await sampler;
    var (_, peak) = server.Memory();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {name}: {result.PerSecond:0} msg/s, p99 {result.P99Ms:0.00} ms, errors {result.ErrorCount}, server CPU {cpuMicrosPerMessage:0} µs/msg{redisNote}"));
    return (name, result, samples.FirstOrDefault(), samples.LastOrDefault(), peak, cpuMicrosPerMessage);
}

static string FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "AssistBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("AssistBot.sln not found above " + start);
}
