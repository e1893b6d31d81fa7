using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Knowledge;

/// <summary>
/// <c>knowledge explain "question" [--county ID] [--after "earlier question"]…</c>: how the bot reads a question
/// (topics with the words that named them, aspect, county, yes/no, who asks), what it remembers from earlier questions,
/// why it chose its answer, and the reply — so county staff can see why a question missed.
/// </summary>
internal sealed class KnowledgeExplainCommand(PolicyAnswerer answerer, Counties counties) : ICliCommand
{
    public string Name => "knowledge explain";

    public string Usage => "knowledge explain \"问题\" [--county ID] [--after \"前一句\"]...   show how a question is read and answered";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var countyId = CliRunner.Option(args, "--county");
        var earlier = new List<string>();
        string? question = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--county") { i++; continue; }
            if (args[i] is "--after" && i + 1 < args.Count) { earlier.Add(args[++i]); continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) question ??= args[i];
        }
        if (string.IsNullOrWhiteSpace(question))
        {
            Console.Error.WriteLine("用法: dotnet run --project bot -- " + Usage);
            return Task.FromResult(2);
        }
        var county = countyId is null ? counties.Default : counties.TryGet(countyId, out var c) ? c : null;
        if (county is null)
        {
            Console.Error.WriteLine($"未知的县: {countyId}（可用: {string.Join(", ", counties.All.Select(x => x.Id))}）");
            return Task.FromResult(2);
        }

        var context = PolicyContext.None;
        foreach (var before in earlier) context = context.After(answerer.Answer(county.Pack, before, context));
        var answer = answerer.Answer(county.Pack, question, context);
        Console.WriteLine($"question: {question}   (county {county.Id}, pack {county.Pack})");
        foreach (var line in ExplainText.Lines(answer, context)) Console.WriteLine(line);
        Console.WriteLine("reply:");
        Console.WriteLine("  " + answer.Text.Replace("\n", "\n  "));
        for (var i = 0; i < answer.Choices.Count; i++) Console.WriteLine($"  {i + 1}. {answer.Choices[i]}");
        return Task.FromResult(0);
    }
}
