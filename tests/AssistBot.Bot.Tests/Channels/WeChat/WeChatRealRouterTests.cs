using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>The WeChat and WeCom endpoints with the real conversation engine (router, welcome, menu, fallback).</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeChatRealRouterTests(SharedRedis redis, ITestOutputHelper output) : IAsyncLifetime
{
    private WeChatTestHost _host = null!;
    private WeChatPlatform _platform = null!;

    public Task InitializeAsync()
    {
        _host = new WeChatTestHost(redis, useTestBot: false);
        _platform = new WeChatPlatform(_host.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> SendAsync(string xml)
    {
        var response = await _platform.PostOaPlainAsync(xml);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var text = body == "success" ? "" : WeChatPlatform.PassiveText(body);
        output.WriteLine("> " + text.Replace("\n", "\n  "));
        return text;
    }

    private static void AssertMenu(string text)
    {
        Assert.Contains("1. " + RouterTexts.PolicyLabel, text);
        Assert.Contains("2. " + RouterTexts.DeclareLabel, text);
        Assert.Contains("3. " + RouterTexts.StatusLabel, text);
        Assert.Contains("4. " + RouterTexts.LoanLabel, text);
        Assert.Contains("5. " + RouterTexts.HelpLabel, text);
    }

    [Fact]
    public async Task Subscribe_gets_the_county_welcome_with_the_numbered_menu()
    {
        var text = await SendAsync(WeChatPlatform.EventXml(WeChatPlatform.NewOpenId(), "subscribe"));
        Assert.StartsWith(RouterTexts.Welcome("信丰县").Split('\n')[0], text);
        AssertMenu(text);
    }

    [Fact]
    public async Task Menu_word_and_menu_number_and_menu_click_route_to_dialogs()
    {
        var openId = WeChatPlatform.NewOpenId();
        AssertMenu(await SendAsync(WeChatPlatform.TextXml(openId, "菜单")));
        var help = await SendAsync(WeChatPlatform.TextXml(openId, "5"));
        Assert.Contains(RouterTexts.Help.Split('\n')[0], help);

        var click = await SendAsync(WeChatPlatform.EventXml(openId, "CLICK", "MENU_HELP",
            createTime: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2));
        Assert.Contains(RouterTexts.Help.Split('\n')[0], click);
    }

    [Fact]
    public async Task Voice_recognition_is_understood_like_typed_text()
    {
        var openId = WeChatPlatform.NewOpenId();
        var xml = $"<xml><ToUserName>gh</ToUserName><FromUserName>{openId}</FromUserName><CreateTime>{WeChatPlatform.Now()}</CreateTime>" +
            $"<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><Recognition><![CDATA[菜单。]]></Recognition>" +
            $"<MsgId>{WeChatPlatform.NewMsgId()}</MsgId></xml>";
        AssertMenu(await SendAsync(xml));
    }

    [Fact]
    public async Task Unknown_text_gets_a_reply_that_says_what_to_do_next()
    {
        var openId = WeChatPlatform.NewOpenId();
        await SendAsync(WeChatPlatform.TextXml(openId, "你好")); // first contact: the welcome
        var text = await SendAsync(WeChatPlatform.TextXml(openId, "zzqx 火星 上 的 天气"));
        Assert.NotEmpty(text);
        Assert.Contains("12317", text);
    }

    [Fact]
    public async Task Wecom_messages_reach_the_cadre_front_which_refuses_users_not_on_the_roster()
    {
        // WeCom turns go to the cadre commands (cases); someone not on the county's roster is politely refused.
        var xml = $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><FromUserName><![CDATA[Cadre{Guid.NewGuid():N}]]></FromUserName>" +
            $"<CreateTime>{WeChatPlatform.Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[菜单]]></Content>" +
            $"<MsgId>{WeChatPlatform.NewMsgId()}</MsgId><AgentID>{TestAccounts.AgentId}</AgentID></xml>";
        var response = await _platform.PostWeComAsync(xml);
        var inner = WeChatPlatform.DecryptReply(await response.Content.ReadAsStringAsync(),
            TestAccounts.WeComToken, TestAccounts.WeComAesKey, TestAccounts.CorpId);
        Assert.Equal(AssistBot.Bot.Cases.CadreTexts.UnknownUser, inner.Element("Content")!.Value);
    }
}
