using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Tests;

/// <summary>
/// "房子的事找哪个", "保险的事想问一下": an area of life several policies cover, no policy named — the farmer is asked
/// which one (vocab/topics.yaml <c>areas:</c>), instead of the "not in our documents" reply they used to get.
/// </summary>
public sealed class PolicyAreaTests
{
    private static PolicyAnswerer Answerer => TestPacks.Answerer;

    [Theory]
    [InlineData(TestPacks.Xinfeng, "房子的事找哪个", "危房改造", "安置点")]
    [InlineData(TestPacks.Yuzhou, "俺家房子的事咋办", "危房改造", null)]
    [InlineData(TestPacks.Yuzhou, "保险的事咋弄", "防贫保", "医疗保障")]
    public void An_area_without_a_policy_named_offers_its_policies_to_choose_from(string pack, string question, string first, string? second)
    {
        var answer = Answerer.Answer(pack, question);

        Assert.Equal(PolicyOutcome.Clarify, answer.Outcome);
        Assert.InRange(answer.ChoiceIds.Count, 2, 3);
        Assert.Contains(answer.Entries, e => e.Topics.Contains(first));
        if (second is not null) Assert.Contains(answer.Entries, e => e.Topics.Contains(second));
    }

    [Fact]
    public void A_county_whose_plan_has_the_policy_only_inside_another_entry_offers_that_entry()
    {
        // 信丰's 防返贫保险 is a keyword of its entry on helping monitored households; its medical entries are the rest.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "保险的事想问一下");

        Assert.Equal(PolicyOutcome.Clarify, answer.Outcome);
        Assert.Contains("xf-monitoring-support", answer.ChoiceIds);
        Assert.Contains("xf-medical", answer.ChoiceIds);
        // A cadre's 督导考核 entry is no choice for a farmer when farmers' entries of the policy exist.
        Assert.DoesNotContain("xf-medical-supervision", answer.ChoiceIds);
    }

    [Fact]
    public void An_area_asked_mid_conversation_is_not_taken_for_the_policy_talked_of()
    {
        var context = PolicyContext.None.After(Answerer.Answer(TestPacks.Xinfeng, "小额信贷能贷多少"));

        var answer = Answerer.Answer(TestPacks.Xinfeng, "房子的事找谁", context);

        Assert.Equal(PolicyOutcome.Clarify, answer.Outcome);
        Assert.DoesNotContain(answer.Entries, e => e.Topics.Contains("小额信贷"));
    }

    [Fact]
    public void A_policy_named_with_the_area_word_is_answered_as_before()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "房子漏雨了危房改造找谁");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Contains("危房改造", answer.Entries[0].Topics);
    }

    [Fact]
    public void An_area_naming_an_unknown_topic_is_an_error_with_its_line()
    {
        var issues = new List<PackIssue>();

        var vocabulary = TestPacks.VocabularyWithTopicsEdited("topics: [危房改造, 安置点]", "topics: [危房改建, 安置点]", issues);

        Assert.Contains(issues, i => i.Message.Contains("unknown topic '危房改建'") && i.Line > 0);
        Assert.NotEmpty(vocabulary.Areas);
    }
}
