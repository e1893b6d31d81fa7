using AssistBot.Bot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Knowledge.Tests;

/// <summary>The case files run through the same path as <c>dotnet run --project bot -- eval FILE</c>.</summary>
public sealed class EvalPathTests(KnowledgeHostFactory factory) : IClassFixture<KnowledgeHostFactory>
{
    private async Task<IReadOnlyList<EvalCaseResult>> Run(string file)
    {
        var runner = factory.Services.GetRequiredService<PolicyEvalRunner>();
        var results = new List<EvalCaseResult>();
        foreach (var c in EvalCase.ReadFile(Path.Combine(AppContext.BaseDirectory, "Eval", file)))
            results.Add(await runner.RunAsync(c));
        return results;
    }

    private static string Failures(IEnumerable<EvalCaseResult> results) =>
        string.Join("\n", results.Where(r => !r.Passed).Select(r => $"{r.Case.Id} {r.Case.Question}: {r.Reason}\n{r.Reply}"));

    [Fact]
    public async Task Development_set_passes_at_least_90_percent()
    {
        var results = await Run("policy-qa-dev.jsonl");
        Assert.True(results.Count(r => r.Passed) >= 0.9 * results.Count, Failures(results));
    }

    [Fact]
    public async Task Our_own_held_out_questions_pass_at_least_90_percent()
    {
        var results = await Run("policy-qa-holdout.jsonl");
        Assert.True(results.Count >= 40);
        Assert.True(results.Count(r => r.Passed) >= 0.9 * results.Count, Failures(results));
    }

    [Fact]
    public async Task Clarify_choices_are_suggested_actions_rendered_as_numbered_lines()
    {
        var runner = factory.Services.GetRequiredService<PolicyEvalRunner>();
        var result = await runner.RunAsync(new EvalCase { Id = "t", County = "xinfeng", Question = "补贴几月发", Kind = "clarify" });
        Assert.True(result.Passed, result.Reason + "\n" + result.Reply);
        Assert.Contains("\n1. ", result.Reply);
        Assert.Contains("\n2. ", result.Reply);
    }

    [Fact]
    public async Task A_choose_turn_sends_the_number_of_that_offered_choice()
    {
        // "补贴几月发" offers 雨露计划 first and 产业奖补 later: "choose" picks 产业奖补 whatever its number.
        var runner = factory.Services.GetRequiredService<PolicyEvalRunner>();
        var conversation = new EvalCase
        {
            Id = "c", County = "xinfeng",
            Turns =
            [
                new EvalCase { Id = "c.1", County = "xinfeng", Question = "补贴几月发", Expect = "clarify" },
                new EvalCase { Id = "c.2", County = "xinfeng", Question = "1", Choose = "xf-industry-award", Expect = "xf-industry-award" },
            ],
        };
        var results = await runner.RunConversationAsync(conversation);
        Assert.True(results[1].Passed, results[1].Reason + "\n" + results[1].Reply);
        Assert.Equal("xf-industry-award", results[1].EntryId);
    }

    [Fact]
    public void Case_check_needs_every_group_no_forbidden_string_and_a_source_for_answers()
    {
        var c = new EvalCase { Kind = "answer", MustInclude = [["5万", "五万"], ["免抵押"]], MustNotInclude = ["7500"] };
        Assert.Null(c.Check("可贷五万，免抵押。\n来源：《某文件》一"));
        Assert.NotNull(c.Check("可贷五万。\n来源：《某文件》一"));
        Assert.NotNull(c.Check("可贷五万，免抵押，7500。\n来源：《某文件》一"));
        Assert.NotNull(c.Check("可贷五万，免抵押。"));
        var fallback = new EvalCase { Kind = "fallback", MustInclude = [["12317"]] };
        Assert.NotNull(fallback.Check("请拨打12317。来源：《某文件》"));
    }
}
