using AssistBot.Bot.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>Prompt behaviour written as scripts of user and bot lines, through the real router and storage.</summary>
public sealed class PromptScriptTests : IAsyncLifetime
{
    private EngineHost _host = null!;

    public Task InitializeAsync()
    {
        _host = EngineHost.Embedded(services => services.AddSingleton<IRouteHandler, SurveyFeature>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task Chinese_numerals_choices_and_confirm_complete_the_survey() =>
        _host.Flow()
            .Send("我想做个调查").AssertReply("家里一共几口人？")
            .Send("三口人").AssertReply("全家一个月大概收入多少元？")
            .Send("大概六千五").AssertReply("主要困难是哪一种？\n1. 因病\n2. 因学\n3. 因灾\n4. 缺劳动力")
            .Send("住院了").AssertReply(a => a.Text == "请确认：3口人，月收入6500元，因病。对吗？"
                && a.SuggestedActions!.Actions.Select(x => x.Title).SequenceEqual(["是", "否"]), "the confirmation with 是/否")
            .Test("好的", "已记录，谢谢。")
            .StartTestAsync();

    [Theory]
    [InlineData("2", "因学")]
    [InlineData("第三个", "因灾")]
    [InlineData("四", "缺劳动力")]
    [InlineData("因灾", "因灾")]
    [InlineData("受灾了", "因灾")]
    [InlineData("缺劳力", "缺劳动力")]
    [InlineData("因学吧", "因学")]
    public Task Choice_prompt_accepts_number_label_synonym_and_close_variants(string answer, string expected) =>
        _host.Flow()
            .Send("调查").SkipReplies().Send("2").SkipReplies().Send("2万").SkipReplies()
            .Send(answer).AssertReplyContains($"{2}口人，月收入20000元，{expected}。")
            .StartTestAsync();

    [Fact]
    public Task Unrecognized_answers_get_a_retry_hint_and_the_question_again() =>
        _host.Flow()
            .Send("调查").AssertReply("家里一共几口人？")
            .Send("不太清楚").AssertReply("没看懂这个数字。请直接回复数字，比如“3”或“三”。\n家里一共几口人？")
            .Send("五口").AssertReply("全家一个月大概收入多少元？")
            .Send("1.5万").SkipReplies()
            .Send("随便").AssertReplyContains("没看懂您选的是哪一项", "1. 因病")
            .Send("1").SkipReplies()
            .Send("也许吧").AssertReplyContains("请回复“是”或“否”")
            .Send("算了").AssertReply("好的，没有记录。")
            .StartTestAsync();

    [Fact]
    public Task A_validator_message_replaces_the_retry_prompt() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("五十").AssertReply("人数应在1到20之间，请再说一次家里几口人。")
            .AssertNoReply()
            .Send("两口人").AssertReply("全家一个月大概收入多少元？")
            .StartTestAsync();

    [Fact]
    public Task After_three_unusable_answers_the_prompt_offers_help_instead_of_looping() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("啊？").AssertReplyContains("没看懂这个数字")
            .Send("不知道").AssertReplyContains("没看懂这个数字")
            .Send("说不上来").AssertReplyContains("没能看懂您的回答", "村干部", "乡镇", "12317")
            .AssertNoReply()
            // the dialog is over: the next message goes to the router, not to the prompt
            .Send("3").AssertReplyContains("查进度")
            .StartTestAsync();
}
