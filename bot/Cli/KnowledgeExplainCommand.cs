using AssistBot.Bot.Knowledge;
using System.CommandLine;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Knowledge.Review;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Cli;

/// <summary>
/// <c>knowledge explain "question" [--county ID] [--after "earlier question"]…</c>: how the bot reads a question
/// (topics with the words that named them, aspect, county, yes/no, who asks), what it remembers from earlier questions,
/// why it chose its answer, and the reply — so county staff can see why a question missed.
/// </summary>
internal sealed class KnowledgeExplainCommand(PolicyAnswerer answerer, Counties counties) : CliVerb
{
    private readonly Argument<string> _question = new("问题") { Description = "要解释的问题（有空格时加引号）" };

    private readonly Option<string> _county = new("--county") { Description = "县的编号（不写用 DefaultCounty）", HelpName = "ID" };

    private readonly Option<string[]> _after = new("--after") { Description = "之前问过的话（可以写多次，按顺序）", HelpName = "前一句" };

    public override string Name => "knowledge explain";

    public override string Description => "显示一个问题是怎么读懂、怎么回答的";

    public override void Configure(Command command)
    {
        command.Arguments.Add(_question);
        command.Options.Add(_county);
        command.Options.Add(_after);
    }

    public override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var countyId = parse.GetValue(_county);
        var earlier = parse.GetValue(_after) ?? [];
        var question = parse.GetRequiredValue(_question);
        if (string.IsNullOrWhiteSpace(question))
        {
            Console.Error.WriteLine("用法: dotnet run --project bot -- knowledge explain \"问题\" [--county ID] [--after \"前一句\"]...");
            return Task.FromResult(2);
        }
        var county = countyId is null ? counties.Default : counties.TryGet(countyId, out var c) ? c : null;
        if (county is null)
        {
            Console.Error.WriteLine($"未知的县: {countyId}（可用: {string.Join(", ", counties.All.Select(x => x.Id))}）");
            return Task.FromResult(2);
        }

        // Cleaned as the staff console's 试一试 cleans it (ID numbers, phones and self-given names masked), as the channels
        // mask what a user sends before the turn runs: the same reading, and personal data pasted in from a complaint is
        // not printed back.
        question = MissedQuestionStore.Clean(question);
        var context = PolicyContext.None;
        foreach (var before in earlier) context = context.After(answerer.Answer(county.Pack, MissedQuestionStore.Clean(before), context));
        var answer = answerer.Answer(county.Pack, question, context);
        Console.WriteLine($"question: {question}   (county {county.Id}, pack {county.Pack})");
        foreach (var line in ExplainText.Lines(answer, context)) Console.WriteLine(line);
        Console.WriteLine("reply:");
        Console.WriteLine("  " + answer.Text.Replace("\n", "\n  "));
        for (var i = 0; i < answer.Choices.Count; i++) Console.WriteLine($"  {i + 1}. {answer.Choices[i]}");
        return Task.FromResult(0);
    }
}
