using AssistBot.Bot.Knowledge;
using System.CommandLine;
using System.Globalization;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Cli;

/// <summary>
/// <c>eval FILE… [--min 0.95] [--show] [--explain]</c>: runs policy Q&amp;A case files (single questions and
/// conversations) through the bot and reports per file: correct, clarified, fell back and confidently wrong, with the
/// confusions (asked X, answered Y). Exit 1 when a file's correct share is below --min.
/// </summary>
internal sealed class EvalCommand(PolicyEvalRunner runner, PolicyAnswerer answerer, AssistBot.Bot.Hosting.Counties counties) : CliVerb
{
    private readonly Argument<string[]> _files = new("FILE") { Description = "用例文件（jsonl）", Arity = ArgumentArity.OneOrMore };

    private readonly Option<double> _min = new("--min") { Description = "每个文件答对的最低比例，低于它退出码为 1", DefaultValueFactory = _ => 0.95 };

    private readonly Option<bool> _show = new("--show") { Description = "答对的也打印回复" };

    private readonly Option<bool> _explain = new("--explain") { Description = "打印每个问题是怎么读的" };

    public override string Name => "eval";

    public override string Description => "把政策问答用例（jsonl）交给机器人跑一遍；某个文件答对的比例低于 --min 时退出码为 1";

    public override void Configure(Command command)
    {
        command.Arguments.Add(_files);
        foreach (var option in new Option[] { _min, _show, _explain }) command.Options.Add(option);
    }

    /// <summary>`dotnet run --project bot` runs in bot/, so a path typed from the repository root is tried there too.</summary>
    private static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return path;
        var fromParent = Path.Combine("..", path);
        return File.Exists(fromParent) ? fromParent : path;
    }

    public override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var files = parse.GetRequiredValue(_files);
        var min = parse.GetValue(_min);
        var show = parse.GetValue(_show);
        var explain = parse.GetValue(_explain);

        var exit = 0;
        foreach (var file in files)
        {
            List<EvalCase> cases;
            try
            {
                cases = EvalCase.ReadFile(ResolvePath(file));
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("无法读取用例文件: " + ex.Message);
                return 2;
            }

            var results = new List<EvalCaseResult>();
            foreach (var c in cases)
            {
                var turns = c.IsConversation ? await runner.RunConversationAsync(c, cancellationToken).ConfigureAwait(false) : [await runner.RunAsync(c, cancellationToken).ConfigureAwait(false)];
                var context = PolicyContext.None;
                foreach (var r in turns)
                {
                    results.Add(r);
                    Console.WriteLine($"{r.Case.Id,-10} {Label(r),-6} {r.Case.County,-8} {r.Case.Question}{(r.Passed ? "" : "  — " + r.Reason)}");
                    if (show || !r.Passed) Console.WriteLine("    " + r.Reply.Replace("\n", "\n    "));
                    if (explain) context = Explain(r.Case, context);
                }
            }
            exit = Math.Max(exit, Report(file, results, min));
        }
        return exit;
    }

    private static string Label(EvalCaseResult r) => r.Passed ? "PASS" : r.Verdict switch
    {
        EvalVerdict.Clarified => "ASKED",
        EvalVerdict.FellBack => "FELL",
        EvalVerdict.ConfidentlyWrong => "WRONG",
        _ => "FAIL",
    };

    /// <summary>The reading and the reasons, replaying the conversation's memory the way the bot keeps it.</summary>
    private PolicyContext Explain(EvalCase c, PolicyContext context)
    {
        if (!counties.TryGet(c.County, out var county)) return context;
        var answer = answerer.Answer(county.Pack, c.Question, context);
        foreach (var line in ExplainText.Lines(answer, context)) Console.WriteLine("    " + line);
        return context.After(answer);
    }

    private static int Report(string file, List<EvalCaseResult> results, double min)
    {
        int Count(EvalVerdict v) => results.Count(r => r.Verdict == v);
        var n = Math.Max(1, results.Count);
        var correct = results.Count(r => r.Passed);
        Console.WriteLine($"== {Path.GetFileName(file)}: {results.Count} questions");
        Console.WriteLine($"   correct {correct} ({(double)correct / n:P1}), clarified {Count(EvalVerdict.Clarified)}, " +
            $"fell back {Count(EvalVerdict.FellBack)}, confidently wrong {Count(EvalVerdict.ConfidentlyWrong)}");
        foreach (var wrong in results.Where(r => r.Verdict == EvalVerdict.ConfidentlyWrong))
            Console.WriteLine($"   confusion {wrong.Case.Id}: {wrong.Reason} — “{wrong.Case.Question}”");
        Console.WriteLine($"pass rate: {correct}/{results.Count} ({(double)correct / n:P1})");
        return (double)correct / n >= min ? 0 : 1;
    }
}
