using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.Testing;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Dialogs;

public sealed class RouterScriptTests : IAsyncLifetime
{
    private const string Menu = "1. 政策咨询\n2. 困难申报\n3. 查进度\n4. 贷款还款\n5. 帮助";
    private EngineHost _host = null!;

    public Task InitializeAsync()
    {
        _host = EngineHost.Embedded();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task First_contact_gets_a_short_welcome_naming_the_county_and_the_numbered_menu() =>
        _host.Flow()
            .SendConversationUpdate()
            .AssertReply(a => a.Text!.Contains("禹州市") && a.Text.Length < 80
                && ReplyRendering.ToText(a).EndsWith(Menu) && !a.Text.Contains("1."), "a welcome with the menu as suggested actions")
            .AssertNoReply()
            .StartTestAsync();

    [Fact]
    public Task A_conversation_update_about_the_bot_itself_gets_no_welcome() =>
        _host.Flow()
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("assistbot")] })
            .AssertNoReply()
            .StartTestAsync();

    [Theory]
    [InlineData("你好")]
    [InlineData("菜单")]
    [InlineData("0")]
    [InlineData("嗯 您好")]
    [InlineData("早上好")]
    public Task Greeting_menu_word_or_0_shows_the_menu(string text) =>
        _host.Flow()
            .SendConversationUpdate().SkipReplies()
            .Send(text).AssertReply($"{RouterTexts.Menu}\n{Menu}")
            .StartTestAsync();

    [Theory]
    [InlineData("谢谢")]
    [InlineData("好的，谢谢！")]
    [InlineData("知道了")]
    public Task Thanks_get_a_short_reply_not_the_cannot_answer_one(string text) =>
        _host.Flow()
            .SendConversationUpdate().SkipReplies()
            .Send(text).AssertReply(RouterTexts.YouAreWelcome)
            .AssertNoReply()
            .StartTestAsync();

    [Theory]
    [InlineData("1", "“政策咨询”暂时还不能在这里办理")]
    [InlineData("政策咨询", "“政策咨询”暂时还不能在这里办理")]
    [InlineData("2", "“困难申报”暂时还不能在这里办理")]
    [InlineData("第二个", "“困难申报”暂时还不能在这里办理")]
    [InlineData("我要申报", "“困难申报”暂时还不能在这里办理")]
    [InlineData("三", "“查进度”暂时还不能在这里办理")]
    [InlineData("我的申请办到哪了", "“查进度”暂时还不能在这里办理")]
    [InlineData("4", "“贷款还款”暂时还不能在这里办理")]
    [InlineData("贷款什么时候还", "“贷款还款”暂时还不能在这里办理")]
    [InlineData("5", "我能帮您")]
    [InlineData("帮助", "我能帮您")]
    [InlineData("？", "我能帮您")]
    public Task Menu_numbers_labels_and_keywords_open_the_feature(string text, string expected) =>
        _host.Flow()
            .SendConversationUpdate().SkipReplies()
            .Send(text).AssertReplyContains(expected)
            .StartTestAsync();

    [Fact]
    public Task Placeholders_are_honest_about_how_to_get_it_done_today() =>
        _host.Flow()
            .Send("2").AssertReplyContains("村干部", "乡镇", "12317")
            .StartTestAsync();

    [Theory]
    [InlineData("MENU_POLICY", "政策咨询")]
    [InlineData("MENU_DECLARE", "困难申报")]
    [InlineData("MENU_STATUS", "查进度")]
    [InlineData("MENU_LOAN", "贷款还款")]
    [InlineData("MENU_HELP", "我能帮您")]
    public Task WeChat_menu_clicks_route_to_the_features(string key, string expected) =>
        _host.Flow()
            .SendEvent(RouterEvents.MenuClick, key).AssertReplyContains(expected)
            .StartTestAsync();

    [Fact]
    public Task Unknown_input_gets_an_honest_reply_naming_whom_to_ask_never_an_echo() =>
        _host.Flow()
            .SendConversationUpdate().SkipReplies()
            .Send("我家的牛走丢了咋办").AssertReply(a =>
                    ReplyRendering.ToText(a) is var t && t.Contains("村干部") && t.Contains("乡镇") && t.Contains("12317")
                    && !t.Contains("牛走丢") && t.Contains("1. 政策咨询"),
                "an honest fallback with contacts and the menu")
            .StartTestAsync();

    [Fact]
    public Task The_very_first_unknown_message_of_a_new_conversation_gets_the_welcome() =>
        _host.Flow()
            .Send("在干嘛呢").AssertReplyContains("禹州市", "1. 政策咨询")
            .Send("在干嘛呢").AssertReplyContains("答不上来", "12317")
            .StartTestAsync();

    [Fact]
    public Task Cancel_and_human_without_an_active_dialog_answer_sensibly() =>
        _host.Flow()
            .SendConversationUpdate().SkipReplies()
            .Send("取消").AssertReplyContains("现在没有正在办的事", "1. 政策咨询")
            .Send("转人工").AssertReplyContains("村干部", "12317")
            .Send("返回上一步").AssertReplyContains("现在没有正在办的事")
            .StartTestAsync();

    [Fact]
    public Task A_voice_message_without_text_gets_a_polite_hint() =>
        _host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "" }).AssertReplyContains("只能看懂文字")
            .StartTestAsync();

    [Fact]
    public async Task A_feature_registration_replaces_the_placeholder_without_router_edits()
    {
        await using var host = EngineHost.Embedded(services =>
            services.AddSingleton<IRouteHandler>(new FakeDeclareHandler()));
        await host.Flow()
            .Send("2").AssertReply("申报开始：请问您家住哪个村？")
            .StartTestAsync();
        await host.Flow(userId: "user2")
            .SendEvent(RouterEvents.MenuClick, MenuKeys.Declare).AssertReply("申报开始：请问您家住哪个村？")
            .StartTestAsync();
    }

    [Fact]
    public async Task Free_text_goes_to_the_free_text_handler_before_the_fallback()
    {
        await using var host = EngineHost.Embedded(services =>
            services.AddSingleton<IFreeTextHandler>(new FakePolicyAnswers()));
        await host.Flow()
            .SendConversationUpdate().SkipReplies()
            .Send("小额信贷怎么申请").AssertReply("（政策回答）小额信贷怎么申请")
            .Send("今天天气").AssertReplyContains("答不上来")
            // a question mentioning a placeholder's keyword reaches the free-text handler first…
            .Send("申报小额信贷要什么材料").AssertReply("（政策回答）申报小额信贷要什么材料")
            // …but the exact menu word and unanswered keyword text still open the menu item
            .Send("申报").AssertReplyContains("“困难申报”暂时还不能在这里办理")
            .Send("我要申报").AssertReplyContains("“困难申报”暂时还不能在这里办理")
            .StartTestAsync();
    }

    [Fact]
    public async Task TestFlow_fails_when_the_bot_says_something_else()
    {
        var flow = _host.Flow().Send("1").AssertReply("这不是机器人会说的话");
        var error = await Assert.ThrowsAsync<TestFlowException>(flow.StartTestAsync);
        Assert.Contains("“政策咨询”暂时还不能在这里办理", error.Message);
    }

    private sealed class FakeDeclareHandler : IRouteHandler
    {
        public string Id => RouteIds.Declare;
        public int? MenuNumber => 2;
        public string MenuLabel => RouterTexts.DeclareLabel;
        public IReadOnlyCollection<string> MenuKeys => [Bot.Dialogs.MenuKeys.Declare];
        public Dialog Dialog { get; } = new MessageDialog("declare.fake", "申报开始：请问您家住哪个村？");
        public double Match(RouteInput input) => 0;
    }

    private sealed class FakePolicyAnswers : IFreeTextHandler
    {
        public async Task<bool> TryHandleAsync(DialogContext dc, RouteInput input, CancellationToken cancellationToken)
        {
            if (!input.Text.Contains("信贷")) return false;
            await dc.Context.SendActivityAsync("（政策回答）" + input.Text, cancellationToken);
            return true;
        }
    }
}
