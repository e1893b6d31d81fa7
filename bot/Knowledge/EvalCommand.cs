using System.Globalization;
using AssistBot.Bot.Cli;

namespace AssistBot.Bot.Knowledge;

/// <summary><c>eval FILE [--min 0.95] [--show]</c>: runs a policy Q&amp;A case file and prints per-case results and the pass rate.</summary>
internal sealed class EvalCommand(PolicyEvalRunner runner, AssistBot.Knowledge.Answering.PolicyAnswerer answerer, AssistBot.Bot.Hosting.Counties counties) : ICliCommand
{
    public string Name => "eval";

    public string Usage => "eval FILE [--min 0.95] [--show] [--explain]   run policy Q&A cases (jsonl) through the bot; exit 1 below --min";

    /// <summary>`dotnet run --project bot` runs in bot/, so a path typed from the repository root is tried there too.</summary>
    private static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return path;
        var fromParent = Path.Combine("..", path);
        return File.Exists(fromParent) ? fromParent : path;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("用法: dotnet run --project bot -- " + Usage);
            return 2;
        }
        var min = CliRunner.Option(args, "--min") is { } m ? double.Parse(m, CultureInfo.InvariantCulture) : 0.95;
        var show = CliRunner.Flag(args, "--show");
        var explain = CliRunner.Flag(args, "--explain");
        List<EvalCase> cases;
        try
        {
            cases = EvalCase.ReadFile(ResolvePath(args[0]));
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("无法读取用例文件: " + ex.Message);
            return 2;
        }

        var passed = 0;
        foreach (var c in cases)
        {
            var result = await runner.RunAsync(c, cancellationToken);
            if (result.Passed) passed++;
            Console.WriteLine($"{c.Id,-10} {(result.Passed ? "PASS" : "FAIL")} {c.County,-8} {c.Question}{(result.Passed ? "" : "  — " + result.Reason)}");
            if (show || !result.Passed) Console.WriteLine("    " + result.Reply.Replace("\n", "\n    "));
            if (explain && counties.TryGet(c.County, out var county))
            {
                var (rewritten, hits, outcome) = answerer.Explain(county.Pack, c.Question);
                Console.WriteLine($"    [{outcome}] {rewritten}");
                foreach (var (entry, score, coverage) in hits) Console.WriteLine($"      {entry.Id,-26} score {score,6:F2} coverage {coverage:F2}");
            }
        }
        var rate = cases.Count == 0 ? 0 : (double)passed / cases.Count;
        Console.WriteLine($"pass rate: {passed}/{cases.Count} ({rate:P1})");
        return rate >= min ? 0 : 1;
    }
}
