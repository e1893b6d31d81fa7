using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AssistBot.Benchmarks -- --filter '*PolicyQa*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
