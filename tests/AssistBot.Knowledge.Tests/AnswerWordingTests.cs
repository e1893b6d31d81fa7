using AssistBot.Knowledge.Answering;

namespace AssistBot.Knowledge.Tests;

/// <summary>What an answer says beyond its entry's paragraph: the how-to line asked for, a word when it repeats itself.</summary>
public sealed class AnswerWordingTests
{
    private static PolicyAnswerer Answerer => TestPacks.Answerer;

    [Fact]
    public void A_question_about_what_only_the_how_line_says_gets_that_line()
    {
        // The loan's application entry speaks of the five steps; the bank branch is in its how-line only.
        var branch = Answerer.Answer(TestPacks.Xinfeng, "能直接去银行网点问小额贷款吗");
        Assert.Equal("nat-loan-apply", branch.TopicId);
        Assert.Contains("合作银行网点", branch.Text);
        Assert.Contains(PolicyTexts.HowLead, branch.Text);
        // What to bring: 身份证 and 户口簿 are what the farmer reads first thing.
        var bring = Answerer.Answer(TestPacks.Xinfeng, "去村委会申报要带些什么");
        Assert.Equal("nat-monitor-self-declare", bring.TopicId);
        Assert.Contains("户口簿", bring.Text);
        // Nothing of the how-line asked: the plain answer, no how-to appended.
        var plain = Answerer.Answer(TestPacks.Xinfeng, "自主申报是什么意思");
        Assert.Equal("nat-monitor-self-declare", plain.TopicId);
        Assert.DoesNotContain(PolicyTexts.HowLead, plain.Text);
    }

    [Fact]
    public void Who_may_declare_is_said_by_the_self_declaration_answer()
    {
        var who = Answerer.Answer(TestPacks.Xinfeng, "什么样的家庭可以自主申报");
        Assert.Equal("nat-monitor-self-declare", who.TopicId);
        Assert.Contains("突发严重困难户", who.Text);
    }

    [Fact]
    public void A_follow_up_answered_by_the_entry_just_read_says_so()
    {
        var first = Answerer.Answer(TestPacks.Xinfeng, "脱贫户创业有什么扶持", PolicyContext.None);
        var again = Answerer.Answer(TestPacks.Xinfeng, "能贷多少", PolicyContext.None.After(first));
        Assert.Equal(first.TopicId, again.TopicId);
        Assert.StartsWith(PolicyTexts.SameAsBefore, again.Text);
        // A first question, or another entry, is not "the same again".
        Assert.DoesNotContain(PolicyTexts.SameAsBefore, first.Text);
        var other = Answerer.Answer(TestPacks.Xinfeng, "雨露计划给多少钱", PolicyContext.None.After(first));
        Assert.DoesNotContain(PolicyTexts.SameAsBefore, other.Text);
    }
}
