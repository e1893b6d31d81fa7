using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Testing;
using AssistBot.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Knowledge.Tests;

/// <summary>The policy Q&amp;A inside the real bot (router, state, dialogs), a conversation at a time.</summary>
public sealed class PolicyQaDialogTests(KnowledgeHostFactory factory) : IClassFixture<KnowledgeHostFactory>
{
    private TestFlow Flow(string county) => new(
        factory.Services.GetRequiredService<BufferingBotAdapter>(),
        factory.Services.GetRequiredService<IBot>(),
        factory.Services.GetRequiredService<Counties>().TryGet(county, out var c) ? c : throw new InvalidOperationException(county),
        userId: "u" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public Task Menu_item_1_asks_for_a_question_then_answers_with_the_source_last() =>
        Flow("xinfeng")
            .Send("1").AssertReplyContains("请直接打字或说出您想问的政策")
            .Send("光伏电站多久维护一次").AssertReply(a =>
            {
                Assert.StartsWith("信丰县：", a.Text);
                Assert.StartsWith("来源：《信丰县2024年", a.Text!.Split('\n')[^1]);
            })
            .StartTestAsync();

    [Fact]
    public Task Free_text_question_is_answered_and_follow_ups_continue_the_topic() =>
        Flow("xinfeng")
            .Send("种养奖补的钱什么时候拨下来").AssertReplyContains("6月底、9月底")
            .Send("那怎么申请呢").AssertReplyContains("怎么办理：", "5月或8月中下旬")
            .Send("详细说说").AssertReplyContains("信丰县：", "来源：")
            .StartTestAsync();

    [Fact]
    public Task Near_tie_offers_numbered_choices_and_the_number_picks_one() =>
        Flow("xinfeng")
            .Send("那个嗯 补贴几月发").AssertReply(a =>
            {
                Assert.StartsWith("您是想问", a.Text);
                Assert.InRange(a.SuggestedActions!.Actions.Count, 2, 3);
                Assert.DoesNotContain("1.", a.Text);
            })
            .Send("2").AssertReplyContains("来源：《")
            .Send("2").AssertReplyDoesNotContain("来源：《") // the choices are gone: "2" is the menu again
            .StartTestAsync();

    [Fact]
    public Task The_count_asked_is_remembered_across_turns_for_the_other_county() =>
        // The years asked in the first message live in the conversation state: "那禹州呢" gets 禹州's honest "not written",
        // not its 20 working days a month.
        Flow("xinfeng")
            .Send("驻村干部多久换一次").AssertReplyContains("2年")
            .Send("那禹州呢").AssertReply(a =>
            {
                Assert.Contains("禹州", a.Text);
                Assert.Contains("没有写", a.Text);
                Assert.DoesNotContain("20个工作日", a.Text);
            })
            .StartTestAsync();

    [Fact]
    public Task Out_of_scope_text_gets_the_honest_fallback() =>
        Flow("yuzhou")
            .Send("明天会下雨吗").AssertReplyContains("12317", "村干部")
            .StartTestAsync();

    [Fact]
    public Task A_clear_policy_question_is_not_taken_by_another_features_keyword() =>
        Flow("yuzhou")
            .Send("衔接资金支出进度11月底要达到多少").AssertReplyContains("95%", "禹州市")
            .StartTestAsync();

    [Fact]
    public Task Follow_ups_naming_only_an_aspect_continue_the_topic_in_the_bot() =>
        Flow("xinfeng")
            .Send("小额信贷能贷多少").AssertReply(a =>
            {
                Assert.Contains("5万", a.Text);
                Assert.Equal("nat-loan-amount", a.Properties![AssistBot.Bot.Dialogs.PolicyQa.PolicyQaReplies.EntryIdProperty].GetString());
            })
            .Send("那得多久还上啊").AssertReplyContains("3年")
            .Send("先看病后给钱是咋回事").AssertReplyContains("押金")
            .Send("哪些医院管用").AssertReplyContains("定点医院")
            .Send("危房改造是什么政策").AssertReplyContains("危房")
            .Send("俺家房子能申请不").AssertReplyContains("危房", "来源：")
            .StartTestAsync();

    [Fact]
    public Task A_hardship_told_gets_a_short_answer_and_the_offer_to_declare() =>
        Flow("yuzhou")
            .Send("突然出了事故家里没收入了").AssertReplyContains("临时救助", "来源：")
            .AssertReplyContains("申报", "现在开始吗")
            .StartTestAsync();

    [Fact]
    public Task A_policy_follow_up_while_the_offer_to_declare_is_open_is_answered_and_the_offer_stays_reachable() =>
        Flow("xinfeng")
            .Send("突然出了事故家里没收入了").AssertReplyContains("临时救助", "来源：")
            .AssertReplyContains("现在开始吗")
            // "what do I need to bring": about the help just explained, not an unclear reply to the offer. Its entry names
            // no papers, so the honest reply says so and whom to ask.
            .Send("要带么子").AssertReply(a =>
            {
                Assert.Contains("临时救助", a.Text);
                Assert.Contains("没有写要什么材料", a.Text);
                Assert.DoesNotContain("填完申报", a.Text);
            })
            .AssertReplyContains("申报")
            .Send("去哪里办").AssertReplyContains("临时救助", "来源：")
            .Send("我要申报").AssertReplyContains("现在开始吗")
            .StartTestAsync();

    [Fact]
    public Task Another_county_then_back_home_repeats_the_last_question_and_says_when_a_national_rule_holds_there() =>
        Flow("xinfeng")
            .Send("雨露计划补多少钱").AssertReplyContains("雨露计划")
            .Send("那禹州呢").AssertReply(a => Assert.StartsWith("禹州市也按全国统一的政策执行", a.Text))
            .Send("我们县呢").AssertReply(a =>
            {
                Assert.Equal("nat-yulu", a.Properties![AssistBot.Bot.Dialogs.PolicyQa.PolicyQaReplies.EntryIdProperty].GetString());
                Assert.DoesNotContain("禹州", a.Text);
            })
            .StartTestAsync();

    [Fact]
    public Task Lost_work_told_plainly_is_a_hardship_and_asked_about_is_a_policy_question() =>
        Flow("yuzhou")
            .Send("没活干了").AssertReplyContains("就业", "来源：")
            .AssertReplyContains("现在开始吗")
            .Send("先不申报").SkipReplies()
            .Send("找不到工作有啥帮扶？").AssertReply(a => Assert.DoesNotContain("现在开始吗", a.Text))
            .StartTestAsync();
}
