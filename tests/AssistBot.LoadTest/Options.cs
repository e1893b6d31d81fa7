namespace AssistBot.LoadTest;

public sealed record LoadOptions
{
    public int Connections { get; init; } = 64;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    // Long enough for tiered JIT compilation (with PGO) to finish under full load on 2 cores: with 3 s the first
    // seconds of measurement still ran partly unoptimized code and showed half the steady-state throughput.
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);
    public int Users { get; init; } = 50_000;

    /// <summary>The measured time of each scenario is cut into this many slices, taken in turns.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Extra environment for the bot server only (runtime knobs under test), from --server-env KEY=VALUE.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// From --variant KEY=VALUE: a second bot server per storage with this extra environment, measured in the same
    /// interleaved rounds as the first, so a runtime knob is judged against the default under the same background load.
    /// </summary>
    public IReadOnlyDictionary<string, string> VariantEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>From --variant-dll PATH: the variant server runs this build of the bot (before/after comparisons).</summary>
    public string? VariantDll { get; init; }
    public string[] Modes { get; init; } = ["plain", "safe"];
    public string[] Storages { get; init; } = ["embedded", "redis"];
    public string? Redis { get; init; }
    public bool Baseline { get; init; }
    public bool Smoke { get; init; }
    public string County { get; init; } = "xinfeng";

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--connections" or "-c" => o with { Connections = int.Parse(Next()) },
                "--duration" or "-d" => o with { Duration = TimeSpan.FromSeconds(double.Parse(Next())) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(Next())) },
                "--users" => o with { Users = int.Parse(Next()) },
                "--server-env" => o with
                {
                    ServerEnvironment = new Dictionary<string, string>(o.ServerEnvironment)
                    {
                        [Next().Split('=', 2)[0]] = args[i].Split('=', 2) is [_, var value] ? value : throw new ArgumentException("--server-env needs KEY=VALUE"),
                    },
                },
                "--variant" => o with
                {
                    VariantEnvironment = new Dictionary<string, string>(o.VariantEnvironment)
                    {
                        [Next().Split('=', 2)[0]] = args[i].Split('=', 2) is [_, var value] ? value : throw new ArgumentException("--variant needs KEY=VALUE"),
                    },
                },
                "--variant-dll" => o with { VariantDll = Path.GetFullPath(Next()) },
                "--rounds" => o with { Rounds = Math.Max(1, int.Parse(Next())) },
                "--mode" => o with { Modes = Next() is "both" ? ["plain", "safe"] : [args[i]] },
                "--storage" => o with { Storages = Next() switch { "both" => ["embedded", "redis"], "none" => [], var s => [s] } },
                "--redis" => o with { Redis = Next() },
                "--county" => o with { County = Next() },
                "--baseline" => o with { Baseline = true },
                "--smoke" => o with { Smoke = true, Connections = 8, Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.FromSeconds(1), Rounds = 1 },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return o;
    }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/AssistBot.LoadTest -- [options]
          --connections N   concurrent connections (default 64)
          --duration S      measured seconds per scenario (default 10); --warmup S per server (default 20: until JIT tiering settles)
          --server-env K=V  set an environment variable for the bot server only (e.g. a runtime knob); repeatable
          --variant K=V     also run a second bot server with this environment, interleaved with the first; repeatable
          --variant-dll P   the variant server runs this AssistBot.Bot.dll (e.g. a build of the previous commit)
          --rounds N        the scenarios take turns in N slices of duration/N (default 5), so background load hits all alike
          --mode plain|safe|both        WeChat message mode (default both)
          --storage embedded|redis|both|none  bot storage (default both; redis needs --redis HOST:PORT)
          --users N         distinct openids (default 50000)
          --baseline        also measure a bare Kestrel endpoint that reads the POST and returns a constant reply
          --smoke           3 s at 8 connections with /metrics on; exit 1 on any error or when
                            assistbot_messages_in_total did not count the messages sent (used by ./test.sh)
        """;
}
