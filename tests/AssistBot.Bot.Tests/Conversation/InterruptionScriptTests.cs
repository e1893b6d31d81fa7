using AssistBot.Bot.Dialogs;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>取消, 帮助, 返回上一步, 转人工 and 菜单 inside a waterfall, as scripts.</summary>
public sealed class InterruptionScriptTests : IAsyncLifetime
{
    private EngineHost _host = null!;

    public Task InitializeAsync()
    {
        _host = EngineHost.Embedded(services => services.AddSingleton<IRouteHandler, SurveyFeature>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("取消")]
    [InlineData("退出")]
    [InlineData("嗯 那个 取消吧")]
    [InlineData("不办了")]
    [InlineData("算了吧")]
    public Task Cancel_ends_the_dialog_and_says_so(string command) =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("三口人").AssertReply("全家一个月大概收入多少元？")
            .Send(command).AssertReplyContains("已取消")
            .AssertNoReply()
            // the survey is gone: a number now means a menu item, not an income
            .Send("2").AssertReplyContains("困难申报")
            .StartTestAsync();

    [Fact]
    public Task Help_gives_the_prompts_own_help_then_asks_again() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("帮助").AssertReplyContains("户口本上一共几口人", "取消", "返回上一步", "转人工")
            .AssertReply("家里一共几口人？")
            .Send("4").AssertReply("全家一个月大概收入多少元？")
            .Send("怎么填").AssertReplyContains("请回复一个数字")
            .AssertReply("全家一个月大概收入多少元？")
            .Send("?").AssertReplyContains("请回复一个数字")
            .AssertReply("全家一个月大概收入多少元？")
            .StartTestAsync();

    [Fact]
    public Task Back_re_asks_the_previous_question_and_keeps_earlier_answers() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("三口人").SkipReplies()
            .Send("五千").AssertReplyContains("主要困难是哪一种？")
            .Send("返回上一步").AssertReply("好的，回到上一步。")
            .AssertReply("全家一个月大概收入多少元？")
            .Send("四千").AssertReplyContains("主要困难是哪一种？")
            .Send("1").AssertReplyContains("请确认：3口人，月收入4000元，因病。")
            .Send("上一步").AssertReply("好的，回到上一步。")
            .AssertReplyContains("主要困难是哪一种？")
            .Send("因学").AssertReplyContains("请确认：3口人，月收入4000元，因学。")
            .StartTestAsync();

    [Fact]
    public Task Back_at_the_first_question_says_so_and_asks_it_again() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("返回").AssertReply("已经是第一步了，请回答下面这个问题：")
            .AssertReply("家里一共几口人？")
            .StartTestAsync();

    [Fact]
    public Task Human_handoff_names_village_cadre_township_and_12317_then_asks_again() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("两口人").SkipReplies()
            .Send("转人工").AssertReplyContains("村干部", "乡镇", "12317")
            .AssertReply("全家一个月大概收入多少元？")
            .Send("三千").AssertReplyContains("主要困难是哪一种？")
            .StartTestAsync();

    [Fact]
    public Task In_a_yes_no_question_算了_means_no_but_取消_still_cancels() =>
        _host.Flow()
            .Send("调查").SkipReplies().Send("3").SkipReplies().Send("3000").SkipReplies().Send("1").SkipReplies()
            .Send("算了").AssertReply("好的，没有记录。")
            .Send("调查").SkipReplies().Send("3").SkipReplies().Send("3000").SkipReplies().Send("1").SkipReplies()
            .Send("取消").AssertReplyContains("已取消")
            .StartTestAsync();

    [Fact]
    public Task Menu_word_leaves_the_dialog_and_shows_the_menu() =>
        _host.Flow()
            .Send("调查").SkipReplies()
            .Send("菜单").AssertReplyContains("1. 政策咨询", "5. 帮助")
            .Send("4").AssertReplyContains("贷款还款")
            .StartTestAsync();
}
