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
        results.AddRange(await Run(Runner, EvalFile("policy-conversations-heldout.jsonl")));
        Assert.True(results.Count >= 200);
        Assert.True(results.Count(r => r.Passed) >= 0.9 * results.Count, Summary(results));
    }

    /// <summary>
    /// Both halves of the first labelled set: the held-out half was scored once (81.0%, 20 confidently wrong) and has
    /// been tuning data since; tuned figures 737 of 802 correct, 12 confidently wrong.
    /// </summary>
    [Fact]
    public async Task Tuning_questions_are_at_least_90_percent_correct_and_almost_never_confidently_wrong()
    {
        var results = await Run(Runner, EvalFile("policy-qa-tune.jsonl"));
        results.AddRange(await Run(Runner, EvalFile("policy-qa-heldout.jsonl")));
        Assert.True(results.Count >= 800);
        Assert.True(results.Count(r => r.Passed) >= 0.9 * results.Count, Summary(results));
        Assert.True(results.Count(r => r.Verdict == EvalVerdict.ConfidentlyWrong) <= 0.02 * results.Count, Summary(results));
    }
}

/// <summary>
/// The fresh held-out set (tests/eval/policy-*-fresh-*.jsonl): written by two colleagues from the packs' answers and the
/// plans without running the bot, merged after the engine was frozen and scored once (2026-12-04): 842 of 987 questions
/// correct (85.3%) with 49 confidently wrong, conversations 183 of 227 turns (80.6%). Issue 12's target (≥ 95%, none
/// confidently wrong, conversations ≥ 90%) is NOT met; until it is, these tests guard the measured figures against
/// regression. Raise the bars as the engine improves, never lower them, and never tune on these files. Excluded from
/// development runs with <c>--filter Category!=HeldOut</c>.
/// </summary>
[Trait("Category", "HeldOut")]
public sealed class PolicyHeldOutTests(KnowledgeHostFactory factory) : IClassFixture<KnowledgeHostFactory>
{
    private const int MeasuredCorrect = 842; // of 987 questions
    private const int MeasuredConfidentlyWrong = 49;
    private const int MeasuredConversationTurns = 183; // of 227 turns

    private PolicyEvalRunner Runner => factory.Services.GetRequiredService<PolicyEvalRunner>();

    private async Task<List<EvalCaseResult>> Both(string kind)
    {
        var results = await PolicyEvalSetTests.Run(Runner, PolicyEvalSetTests.EvalFile($"policy-{kind}-fresh-xinfeng.jsonl"));
        results.AddRange(await PolicyEvalSetTests.Run(Runner, PolicyEvalSetTests.EvalFile($"policy-{kind}-fresh-yuzhou.jsonl")));
        return results;
    }

    [Fact]
    public async Task Held_out_questions_stay_at_or_above_the_measured_score_and_no_more_confidently_wrong()
    {
        var results = await Both("qa");
        Assert.Equal(987, results.Count);
        Assert.True(results.Count(r => r.Passed) >= MeasuredCorrect, PolicyEvalSetTests.Summary(results));
        Assert.True(results.Count(r => r.Verdict == EvalVerdict.ConfidentlyWrong) <= MeasuredConfidentlyWrong,
            PolicyEvalSetTests.Summary(results));
    }

    [Fact]
    public async Task Held_out_conversations_stay_at_or_above_the_measured_score()
    {
        var results = await Both("conversations");
        Assert.Equal(227, results.Count);
        Assert.True(results.Count(r => r.Passed) >= MeasuredConversationTurns, PolicyEvalSetTests.Summary(results));
    }
}
