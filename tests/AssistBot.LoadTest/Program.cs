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

Console.WriteLine($"AssistBot WeChat load harness: {options.Connections} connections, {options.Duration.TotalSeconds:0} s per scenario " +
                  $"in {options.Rounds} interleaved rounds, {options.Warmup.TotalSeconds:0} s warm-up, {options.Users} users, " +
                  $"{Environment.ProcessorCount} cores, {configuration} build");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

// Every server runs for the whole measurement and the scenarios take turns in short slices, so a change in the
// machine's background load hits all of them alike and the ratios (the targets) stay meaningful.
var servers = new List<(ServerProcess Server, string? Redis, string[] Modes, string Label)>();
var dataDirectories = new List<string>();
var scenarios = new List<Scenario>();
var metricsBefore = new Dictionary<string, Dictionary<string, double>>();
var metricsAfter = new Dictionary<string, Dictionary<string, double>>();
try
{
    foreach (var storage in options.Storages)
    {
        if (storage == "redis" && string.IsNullOrWhiteSpace(options.Redis))
        {
            Console.WriteLine("redis: skipped (give --redis HOST:PORT)");
            if (options.Smoke) return 1;
            continue;
        }
        var dataDirectory = Directory.CreateTempSubdirectory("assistbot-load-").FullName;
        dataDirectories.Add(dataDirectory);
        var environment = new Dictionary<string, string>
        {
            [$"Counties__{options.County}__WeChat__Token"] = Token,
            [$"Counties__{options.County}__WeChat__EncodingAESKey"] = AesKey,
            [$"Counties__{options.County}__WeChat__AppId"] = AppId,
            // The start-up check wants a whole account; nothing is sent (ApiBaseUrl below goes nowhere).
            [$"Counties__{options.County}__WeChat__AppSecret"] = "load-test-secret",
            ["Storage__Redis"] = storage == "redis" ? options.Redis! : "",
            ["Storage__DataDirectory"] = dataDirectory,
            ["DataProtection__Key"] = Convert.ToBase64String(new byte[32]),
            ["Logging__LogLevel__Default"] = "Warning",
            ["WeChat__ApiBaseUrl"] = "http://127.0.0.1:9", // nothing proactive should be sent; if it is, it fails fast
        };
        // The smoke run also shows /metrics moving (off in measurements: a listener costs a little on the hot path).
        if (options.Smoke) environment["Observability__Prometheus"] = "true";
        foreach (var (key, value) in options.ServerEnvironment) environment[key] = value;
        var redis = storage == "redis" ? options.Redis : null;
        var variants = new List<(string Suffix, string Dll, Dictionary<string, string> Environment)> { ("", botDll, environment) };
        if (options.VariantEnvironment.Count > 0 || options.VariantDll is not null)
        {
            var variant = new Dictionary<string, string>(environment);
            foreach (var (key, value) in options.VariantEnvironment) variant[key] = value;
            var label = string.Join(' ', options.VariantEnvironment.Select(kv => $"{kv.Key}={kv.Value}")
                .Concat(options.VariantDll is null ? [] : [options.VariantDll]));
            variants.Add((" [" + label + "]", options.VariantDll ?? botDll, variant));
        }
        foreach (var (suffix, dll, variantEnvironment) in variants)
        {
            var server = ServerProcess.Start(dll, [], variantEnvironment);
            await server.WaitUntilReadyAsync("/healthz");
            servers.Add((server, redis, options.Modes, $"pipeline {storage}{suffix}"));
            foreach (var mode in options.Modes) scenarios.Add(new Scenario($"pipeline {storage} {mode}{suffix}", server, mode, redis));
        }
    }
    if (options.Baseline)
    {
        var baseline = ServerProcess.Start(harnessDll, ["--serve-baseline"], new Dictionary<string, string>());
        await baseline.WaitUntilReadyAsync("/healthz");
        servers.Add((baseline, null, ["plain"], "bare Kestrel"));
        scenarios.Add(new Scenario("bare Kestrel constant reply", baseline, "plain", null));
    }

    var runner = new LoadRunner(options, platform);
    foreach (var (server, _, modes, label) in servers)
    {
        if (options.Warmup <= TimeSpan.Zero) break;
        // The bare endpoint has little code to compile; the bot needs the full warm-up for tiered JIT to settle.
        var warmup = label.StartsWith("bare", StringComparison.Ordinal) ? TimeSpan.FromTicks(Math.Min(options.Warmup.Ticks, TimeSpan.TicksPerSecond * 5)) : options.Warmup;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warming up {label} ({warmup.TotalSeconds:0} s)"));
        foreach (var mode in modes) await runner.RunAsync(server.BaseUri, mode, warmup / modes.Length, cancel.Token);
    }
    foreach (var scenario in scenarios) scenario.RssStartMiB = scenario.Server.Memory().CurrentMiB;
    if (options.Smoke)
        foreach (var (server, _, _, label) in servers.Where(s => s.Label.StartsWith("pipeline", StringComparison.Ordinal)))
            metricsBefore[label] = await PrometheusProbe.ScrapeAsync(server.BaseUri);

    var slice = options.Duration / options.Rounds;
    for (var round = 1; round <= options.Rounds && !cancel.IsCancellationRequested; round++)
    {
        foreach (var scenario in scenarios)
        {
            var cpuBefore = scenario.Server.CpuTime();
            var redisBefore = await RedisCpuProbe.CpuTimeAsync(scenario.Redis);
            var result = await runner.RunWorkersAsync(scenario.Server.BaseUri, scenario.Mode, slice, cancel.Token);
            scenario.Add(result.Workers, result.Elapsed, scenario.Server.CpuTime() - cpuBefore,
                await RedisCpuProbe.CpuTimeAsync(scenario.Redis) - redisBefore);
        }
        Console.WriteLine($"  round {round}/{options.Rounds}: " + string.Join(", ", scenarios.Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Result().PerSecond:0}/s"))));
    }
    foreach (var (server, _, _, label) in servers.Where(s => metricsBefore.ContainsKey(s.Label)))
        metricsAfter[label] = await PrometheusProbe.ScrapeAsync(server.BaseUri);
    foreach (var scenario in scenarios)
    {
        var (current, peak) = scenario.Server.Memory();
        scenario.RssEndMiB = current;
        scenario.PeakMiB = peak;
    }
}
finally
{
    foreach (var (server, _, _, _) in servers) await server.DisposeAsync();
    foreach (var directory in dataDirectories)
        try { Directory.Delete(directory, true); } catch (IOException) { }
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-34} {"msg/s",8} {"p50 ms",7} {"p99 ms",7} {"max ms",7} {"errors",6} {"deferred",8} " +
                  $"{"CPU µs/msg: server",18} {"Redis",6} {"RSS MiB start→end (peak)",25}");
foreach (var s in scenarios)
{
    var r = s.Result();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{s.Name,-34} {r.PerSecond,8:0} {r.P50Ms,7:0.00} {r.P99Ms,7:0.00} {r.MaxMs,7:0.0} {r.ErrorCount,6} {r.Deferred,8} " +
        $"{s.ServerCpuMicrosPerMessage,18:0} {(s.Redis is null ? "" : s.RedisCpuMicrosPerMessage.ToString("0", CultureInfo.InvariantCulture)),6} " +
        $"{$"{s.RssStartMiB:0}→{s.RssEndMiB:0} ({s.PeakMiB:0})",25}"));
}
foreach (var s in scenarios.Where(x => x.Result().ErrorCount > 0))
    Console.WriteLine($"errors in {s.Name}: {string.Join(", ", s.Result().Errors.Select(e => $"{e.Key} ×{e.Value}"))}");

var bare = scenarios.FirstOrDefault(s => s.Name.StartsWith("bare", StringComparison.Ordinal));
foreach (var s in scenarios.Where(s => s.Name.StartsWith("pipeline", StringComparison.Ordinal)))
    if (bare is not null)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Name}: {100 * s.Result().PerSecond / bare.Result().PerSecond:0.0}% of bare Kestrel"));
foreach (var storage in options.Storages)
{
    var plain = scenarios.FirstOrDefault(s => s.Name == $"pipeline {storage} plain");
    var safe = scenarios.FirstOrDefault(s => s.Name == $"pipeline {storage} safe");
    if (plain is not null && safe is not null)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{storage}: safe mode = {100 * safe.Result().PerSecond / plain.Result().PerSecond:0.0}% of plain mode"));
}

var metricsStill = new List<string>();
foreach (var (label, after) in metricsAfter)
{
    var before = metricsBefore[label];
    var server = servers.First(s => s.Label == label).Server;
    var sent = scenarios.Where(s => s.Server == server).Sum(s => s.Result().Requests);
    Console.WriteLine($"/metrics {label} ({sent} messages sent): {PrometheusProbe.Describe(before, after)}");
    // Every message the harness sends is a new MsgId, so each one is a counted turn.
    if (after[PrometheusProbe.MustMove] - before[PrometheusProbe.MustMove] < Math.Max(1, 0.9 * sent)) metricsStill.Add(label);
}
foreach (var label in metricsStill) Console.Error.WriteLine($"/metrics of {label}: {PrometheusProbe.MustMove} did not move with the messages sent");

if (options.Smoke && (scenarios.Count == 0 || metricsStill.Count > 0 || metricsAfter.Count == 0 ||
                      scenarios.Any(s => s.Result().ErrorCount > 0 || s.Result().Requests == 0)))
{
    Console.Error.WriteLine("load smoke run FAILED");
    return 1;
}
return 0;

static string FindRepositoryRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "AssistBot.sln"))) return dir.FullName;
    throw new InvalidOperationException("AssistBot.sln not found above " + start);
}
