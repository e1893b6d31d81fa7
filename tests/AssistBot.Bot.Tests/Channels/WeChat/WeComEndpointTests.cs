using System.Net;
using AssistBot.Bot.WeChat;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>The WeCom callback: always encrypted, ReceiveId = CorpID, AgentID checked, replies encrypted.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeComEndpointTests(SharedRedis redis) : IAsyncLifetime
{
    private FakeWeChatApi _api = null!;
    private WeChatTestHost _host = null!;
    private WeChatPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = new WeChatTestHost(redis, _api, new Dictionary<string, string?> { ["WeChat:PassiveReplyTimeout"] = "00:00:01" });
        _platform = new WeChatPlatform(_host.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static string CadreText(string userId, string content, string agentId = TestAccounts.AgentId) =>
        $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>" +
        $"<CreateTime>{WeChatPlatform.Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{WeChatPlatform.NewMsgId()}</MsgId><AgentID>{agentId}</AgentID></xml>";

    [Fact]
    public async Task Url_verification_decrypts_echostr()
    {
        using var crypt = new WXBizMsgCrypt(TestAccounts.WeComAesKey, TestAccounts.CorpId);
        // Encrypt until the Base64 contains '+' and '/', which must survive URL decoding exactly once.
        string echo;
        do echo = crypt.Encrypt("5927782489442352469"); while (!echo.Contains('+') || !echo.Contains('/'));
        var ts = WeChatPlatform.Now();
        var sig = WeChatSignature.Compute(TestAccounts.WeComToken, ts, "5a", echo);
        var client = _host.CreateClient();
        var ok = await client.GetAsync($"/wecom/xinfeng?msg_signature={sig}&timestamp={ts}&nonce=5a&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("5927782489442352469", await ok.Content.ReadAsStringAsync());

        var forged = await client.GetAsync($"/wecom/xinfeng?msg_signature={new string('1', 40)}&timestamp={ts}&nonce=5a&echostr={Uri.EscapeDataString(echo)}");
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Cadre_message_runs_a_wecom_turn_and_gets_an_encrypted_reply()
    {
        var userId = "ZhangSan" + Guid.NewGuid().ToString("N")[..6];
        var response = await _platform.PostWeComAsync(CadreText(userId, "本周走访"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inner = WeChatPlatform.DecryptReply(await response.Content.ReadAsStringAsync(),
            TestAccounts.WeComToken, TestAccounts.WeComAesKey, TestAccounts.CorpId);
        Assert.Equal(userId, inner.Element("ToUserName")!.Value);
        Assert.Equal(TestAccounts.CorpId, inner.Element("FromUserName")!.Value);
        Assert.Equal("第1次：本周走访\n\n还要别的吗？\n1. 好\n2. 不好", inner.Element("Content")!.Value);

        var counter = await redis.Connection.GetDatabase().StringGetAsync("assistbot:ctr:" + CountingTestBot.CounterKey("xinfeng:" + userId));
        Assert.Equal(1, (long)counter);
    }

    [Fact]
    public async Task Message_for_another_agent_is_rejected()
    {
        var userId = "LiSi" + Guid.NewGuid().ToString("N")[..6];
        var response = await _platform.PostWeComAsync(CadreText(userId, "hi", agentId: "999"), agentId: "999");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var counter = await redis.Connection.GetDatabase().StringGetAsync("assistbot:ctr:" + CountingTestBot.CounterKey("xinfeng:" + userId));
        Assert.True(counter.IsNull);
    }

    [Fact]
    public async Task Stale_timestamp_is_rejected()
    {
        var stale = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await _platform.PostWeComAsync(CadreText("WangWu", "hi"), timestamp: stale);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Slow_turn_answers_success_and_sends_through_message_send()
    {
        var userId = "ZhaoLiu" + Guid.NewGuid().ToString("N")[..6];
        var response = await _platform.PostWeComAsync(CadreText(userId, "slow:1800"));
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        var sent = await _api.WaitForDeliveredAsync(FakeWeChatApi.WeComSendPath);
        var push = Assert.Single(sent, r => r.ToUser == userId);
        Assert.StartsWith("第1次：slow:1800", push.TextContent);
        Assert.Equal(1000002, push.Body!["agentid"]!.GetValue<long>());
        Assert.Contains(_api.Requests, r => r.Path == FakeWeChatApi.WeComTokenPath
            && r.Query["corpid"] == TestAccounts.CorpId && r.Query["corpsecret"] == TestAccounts.WeComSecret);
    }
}
