using AssistBot.Bot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Knowledge.Tests;

/// <summary>
/// The issue-12 targets, through the same path as <c>dotnet run --project bot -- eval FILE</c>: every question an
/// Activity through the bot, the answering entry read from the reply activity.
/// </summary>
public sealed class PolicyEvalSetTests(KnowledgeHostFactory factory) : IClassFixture<KnowledgeHostFactory>
{
    /// <summary>tests/eval/ in the repository (the labelled set of issue 12).</summary>
    internal static string EvalFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "eval", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("tests/eval/" + name);
    }

    internal static async Task<List<EvalCaseResult>> Run(PolicyEvalRunner runner, string path)
    {
        var results = new List<EvalCaseResult>();
        foreach (var c in EvalCase.ReadFile(path))
            results.AddRange(c.IsConversation ? await runner.RunConversationAsync(c) : [await runner.RunAsync(c)]);
        return results;
    }

    internal static string Summary(IEnumerable<EvalCaseResult> results) =>
        string.Join("\n", results.Where(r => !r.Passed).Select(r => $"{r.Verdict} {r.Case.Id} {r.Case.Question}: {r.Reason}"));

    private PolicyEvalRunner Runner => factory.Services.GetRequiredService<PolicyEvalRunner>();

    [Fact]
    public async Task Development_set_is_at_least_95_percent_correct()
    {
        var results = await Run(Runner, Path.Combine(AppContext.BaseDirectory, "Eval", "policy-qa-dev.jsonl"));
        Assert.True(results.Count(r => r.Passed) >= 0.95 * results.Count, Summary(results));
    }

    [Fact]
    public async Task Tuning_conversations_are_at_least_90_percent_correct()
    {
        var results = await Run(Runner, EvalFile("policy-conversations-tune.jsonl"));
        Assert.True(results.Count >= 80);
        Assert.True(results.Count(r => r.Passed) >= 0.9 * results.Count, Summary(results));
    }

    [Fact]
    public async Task Tuning_questions_are_at_least_90_percent_correct_and_almost_never_confidently_wrong()
    {
        var results = await Run(Runner, EvalFile("policy-qa-tune.jsonl"));
        Assert.True(results.Count >= 250);
        Assert.True(results.Count(r => r.Passed) >= 0.9 * results.Count, Summary(results));
        Assert.True(results.Count(r => r.Verdict == EvalVerdict.ConfidentlyWrong) <= 0.02 * results.Count, Summary(results));
    }
}

/// <summary>
/// The held-out part of the labelled set, never tuned on. Issue 12's target is ≥ 95% correct with no confidently wrong
/// answer, and conversations ≥ 90%. It is NOT met yet: the one scoring by the lead (2026-12-04, after the engine was tuned
/// on the other half) gave 325/401 = 81.0% correct with 20 confidently wrong, and conversations 105/118 = 89.0%. Until
/// the engine reaches the target these tests guard those figures against regression; raise the bars as it improves,
/// never lower them. Excluded from development runs with <c>--filter Category!=HeldOut</c>.
/// </summary>
[Trait("Category", "HeldOut")]
public sealed class PolicyHeldOutTests(KnowledgeHostFactory factory) : IClassFixture<KnowledgeHostFactory>
{
    private const double MeasuredCorrect = 0.81; // 325 of 401 questions
    private const int MeasuredConfidentlyWrong = 20;
    private const double MeasuredConversationTurns = 0.889; // 105 of 118 turns

    private PolicyEvalRunner Runner => factory.Services.GetRequiredService<PolicyEvalRunner>();

    [Fact]
    public async Task Held_out_questions_stay_at_or_above_the_measured_score_and_no_more_confidently_wrong()
    {
        var results = await PolicyEvalSetTests.Run(Runner, PolicyEvalSetTests.EvalFile("policy-qa-heldout.jsonl"));
        Assert.True(results.Count >= 400);
        Assert.True(results.Count(r => r.Passed) >= MeasuredCorrect * results.Count, PolicyEvalSetTests.Summary(results));
        Assert.True(results.Count(r => r.Verdict == EvalVerdict.ConfidentlyWrong) <= MeasuredConfidentlyWrong,
            PolicyEvalSetTests.Summary(results));
    }

    [Fact]
    public async Task Held_out_conversations_stay_at_or_above_the_measured_score()
    {
        var results = await PolicyEvalSetTests.Run(Runner, PolicyEvalSetTests.EvalFile("policy-conversations-heldout.jsonl"));
        Assert.True(results.Count >= 100);
        Assert.True(results.Count(r => r.Passed) >= MeasuredConversationTurns * results.Count, PolicyEvalSetTests.Summary(results));
    }
}
