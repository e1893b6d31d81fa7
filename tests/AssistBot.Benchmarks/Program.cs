using AssistBot.Benchmarks;
using AssistBot.Benchmarks.Sweep;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AssistBot.Benchmarks -- --filter '*PolicyQa*' [--job short]
// ASSISTBOT_BENCH_REDIS=host:port dotnet run -c Release --project tests/AssistBot.Benchmarks -- --filter '*Sweep*' --job short
// dotnet run -c Release --project tests/AssistBot.Benchmarks -- --filter '*LoanFile*' --job short (reading and checking a loan file)
// dotnet run -c Release --project tests/AssistBot.Benchmarks -- sweep --redis HOST:PORT (the 1,000,000-loan measurement; --help)
if (args is ["sweep", .. var rest])
    return rest is ["--help"] or ["-h"] ? PrintUsage() : await SweepCommand.RunAsync(rest);
BenchmarkSwitcher.FromAssembly(typeof(PolicyQaBenchmarks).Assembly).Run(args);
return 0;

static int PrintUsage()
{
    Console.WriteLine(SweepCommand.Usage);
    return 0;
}
