using System.Net;
using System.Text.Json;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.WeChat.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>
/// 订阅通知 (issue 13, item 1): the JS-SDK signature, the subscribe page and its wx.config, consent from WeChat's
/// events through the real callback, bizsend through the local stand-in (fields fitted, 43101 recorded), "退订".
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class SubscriptionTests(SharedRedis redis, ITestOutputHelper output) : IAsyncLifetime
{
    private const string LoanTemplate = "tpl-loan-repayment-0001";
    private const string WindowTemplate = "tpl-window-0002";

    private FakeWeChatApi _api = null!;
    private WeChatTestHost _host = null!;
    private WeChatPlatform _platform = null!;
    // Each test its own AppId: the access_token and jsapi_ticket caches in the shared Redis start empty.
    private readonly string _appId = "wx" + Guid.NewGuid().ToString("N")[..16];

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = NewHost();
        _platform = new WeChatPlatform(_host.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private WeChatTestHost NewHost() => new(redis, _api, new Dictionary<string, string?>
    {
        ["Counties:xinfeng:Name"] = "信丰县",
        ["Counties:xinfeng:WeChat:AppId"] = _appId,
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:TemplateId"] = LoanTemplate,
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:LongTerm"] = "true",
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:thing1"] = "keyword3",
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:date2"] = "keyword2",
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:amount3"] = "keyword1",
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:thing4"] = "first",
        ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:phrase5"] = "=待还款",
        ["Counties:xinfeng:WeChat:Subscriptions:window:TemplateId"] = WindowTemplate,
        ["Counties:xinfeng:WeChat:Subscriptions:window:LongTerm"] = "false",
        ["Counties:xinfeng:WeChat:Subscriptions:window:Fields:thing1"] = "keyword1",
    }, useTestBot: false);

    // ---- pure parts ----

    [Fact]
    public void The_JS_SDK_signature_matches_the_documented_example()
    {
        // JS-SDK 说明文档, 附录1 (JS-SDK使用权限签名算法).
        const string ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
        Assert.Equal("0f9de62fce790f9a083d5c99e95740ceb90c27ed",
            JsSdkSignature.Compute(ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value"));
        // The part after # is not signed.
        Assert.Equal("0f9de62fce790f9a083d5c99e95740ceb90c27ed",
            JsSdkSignature.Compute(ticket, "Wm3WZYTPz0wzccnW", 1414587457, "http://mp.weixin.qq.com?params=value#top"));
        Assert.NotEqual("0f9de62fce790f9a083d5c99e95740ceb90c27ed",
            JsSdkSignature.Compute(ticket, "Wm3WZYTPz0wzccnX", 1414587457, "http://mp.weixin.qq.com?params=value"));
    }

    [Theory]
    [InlineData("thing1", "中国农业银行股份有限公司信丰县支行营业部（嘉定镇）", "中国农业银行股份有限公司信丰县支行营业…")]
    [InlineData("thing2", "张三 360722199001010012 请还款", "张三  请还款")]
    [InlineData("thing3", "请联系13912344321", "请联系139****4321")]
    [InlineData("phone_number4", "13912344321", "139****4321")]
    [InlineData("character_string5", "XF-2024 0515-0007 编号", "XF-20240515-0007")]
    [InlineData("date6", "2024-06-01", "2024年6月1日")]
    [InlineData("date7", "2024年6月1日", "2024年6月1日")]
    [InlineData("time8", "2024-06-01T02:30:00Z", "2024年6月1日 10:30")]
    [InlineData("amount9", "5万元", "50000元")]
    [InlineData("amount10", "¥12,345.50", "12345.5元")]
    [InlineData("amount15", "五万元", "50000元")]
    [InlineData("amount16", "1.5万", "15000元")]
    [InlineData("amount17", "两万三", "23000元")]
    [InlineData("amount18", "五六千", "")] // a rough range is no amount to send
    [InlineData("phrase11", "待还款（第2期）", "待还款第期")]
    [InlineData("number12", "共 3 笔", "3")]
    // The one masking owner decides what a mobile or an ID number is, written however the farmer wrote it.
    [InlineData("thing13", "电话139 1234 4321", "电话139****4321")]
    [InlineData("thing14", "身份证３６０７２２１９９００１０１００１２", "身份证")]
    public void Each_field_is_fitted_to_its_type(string field, string value, string expected)
    {
        var fitted = SubscriptionFields.Fit(field, value);
        Assert.Equal(expected, fitted);
        if (SubscriptionFields.TypeOf(field) == "thing") Assert.True(fitted.Length <= 20);
    }

    // ---- through the service ----

    [Fact]
    public async Task Consent_from_the_popup_allows_sends_one_time_is_used_up_43101_and_revocation_stop_them_and_退订_stops_all()
    {
        var openId = WeChatPlatform.NewOpenId();
        var sender = _host.Services.GetRequiredService<SubscriptionSender>();
        Assert.True(_host.Services.GetRequiredService<Counties>().TryGet("xinfeng", out var county));
        var loan = new Dictionary<string, string>
        {
            ["first"] = "张三（360722199001010012，13912344321）您好，您的小额信贷7天后到期",
            ["keyword1"] = "5万元",
            ["keyword2"] = "2024-06-01",
            ["keyword3"] = "中国农业银行股份有限公司信丰县支行营业部",
        };
        var window = new Dictionary<string, string> { ["keyword1"] = "2024年雨露计划春季学期补助申请" };

        // No consent yet: nothing is sent.
        Assert.Equal(SubscriptionSendStatus.NoConsent, (await sender.SendAsync(county, "loan-repayment", openId, loan)).Status);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.BizSendPath));

        // The farmer accepts both in the popup; WeChat delivers the event twice (a retry): it counts once.
        var at = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var popup = PopupXml(openId, at, (LoanTemplate, "accept"), (WindowTemplate, "accept"));
        Assert.Equal("success", await PostAsync(popup));
        Assert.Equal("success", await PostAsync(popup));

        // Long-term: a month of reminders all go out, each field within its type's limits, no ID number, masked phone.
        for (var i = 0; i < 3; i++)
            Assert.Equal(SubscriptionSendStatus.Sent, (await sender.SendAsync(county, "loan-repayment", openId, loan)).Status);
        var sent = _api.DeliveredTo(FakeWeChatApi.BizSendPath);
        Assert.Equal(3, sent.Count);
        var body = sent[0].Body!;
        output.WriteLine(body.ToJsonString());
        Assert.Equal(openId, body["touser"]!.GetValue<string>());
        Assert.Equal(LoanTemplate, body["template_id"]!.GetValue<string>());
        var data = body["data"]!;
        Assert.Equal("中国农业银行股份有限公司信丰县支行营业部", data["thing1"]!["value"]!.GetValue<string>()); // exactly 20
        Assert.Equal("2024年6月1日", data["date2"]!["value"]!.GetValue<string>());
        Assert.Equal("50000元", data["amount3"]!["value"]!.GetValue<string>());
        Assert.Equal("待还款", data["phrase5"]!["value"]!.GetValue<string>());
        var thing4 = data["thing4"]!["value"]!.GetValue<string>();
        Assert.True(thing4.Length <= 20, thing4);
        Assert.DoesNotContain("360722", body.ToJsonString());
        Assert.DoesNotContain("13912344321", body.ToJsonString());

        // One-time: one acceptance, one send.
        Assert.Equal(SubscriptionSendStatus.Sent, (await sender.SendAsync(county, "window", openId, window)).Status);
        Assert.Equal(SubscriptionSendStatus.NoConsent, (await sender.SendAsync(county, "window", openId, window)).Status);
        Assert.Equal(4, _api.RequestsTo(FakeWeChatApi.BizSendPath).Count);

        // Accepted again, but WeChat answers 43101: recorded as used up, not tried again.
        Assert.Equal("success", await PostAsync(PopupXml(openId, at + 1, (WindowTemplate, "accept"))));
        _api.EnqueueError(FakeWeChatApi.BizSendPath, 43101);
        Assert.Equal(SubscriptionSendStatus.Refused, (await sender.SendAsync(county, "window", openId, window)).Status);
        Assert.Equal(SubscriptionSendStatus.NoConsent, (await sender.SendAsync(county, "window", openId, window)).Status);
        Assert.Equal(5, _api.RequestsTo(FakeWeChatApi.BizSendPath).Count);

        // Turned off in WeChat's settings (change event): no more loan reminders by 订阅通知; turned on again: they resume.
        Assert.Equal("success", await PostAsync(ChangeXml(openId, at + 2, LoanTemplate, "reject")));
        Assert.Equal(SubscriptionSendStatus.NoConsent, (await sender.SendAsync(county, "loan-repayment", openId, loan)).Status);
        Assert.Equal("success", await PostAsync(ChangeXml(openId, at + 3, LoanTemplate, "accept")));
        Assert.Equal(SubscriptionSendStatus.Sent, (await sender.SendAsync(county, "loan-repayment", openId, loan)).Status);

        // "退订" in chat: says how to turn it off in WeChat and stops our use at once.
        var reply = WeChatPlatform.PassiveText(await PostAsync(WeChatPlatform.TextXml(openId, "退订")));
        output.WriteLine(reply);
        Assert.Contains("已退订", reply);
        Assert.Contains("设置", reply);
        Assert.Equal(SubscriptionSendStatus.NoConsent, (await sender.SendAsync(county, "loan-repayment", openId, loan)).Status);
        var book = await _host.Services.GetRequiredService<ISubscriptionConsents>().GetAsync("xinfeng", openId);
        Assert.Equal(ConsentState.Stopped, book.Templates[LoanTemplate].State);
        Assert.Equal(6, _api.RequestsTo(FakeWeChatApi.BizSendPath).Count);

        // A sent event reporting the user blocks the template revokes it too.
        Assert.Equal("success", await PostAsync(PopupXml(openId, at + 4, (LoanTemplate, "accept"))));
        Assert.Equal("success", await PostAsync(SentXml(openId, at + 5, LoanTemplate, "43101", "failed:user block")));
        Assert.Equal(SubscriptionSendStatus.NoConsent, (await sender.SendAsync(county, "loan-repayment", openId, loan)).Status);
    }

    [Fact]
    public async Task The_page_explains_each_subscription_and_wx_config_is_signed_with_a_ticket_shared_by_instances()
    {
        var client = _host.CreateClient();
        var page = await client.GetAsync("/wechat/xinfeng/subscribe?elder=1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<title>信丰县订阅通知</title>", html);
        Assert.Contains("小额信贷还款提醒", html);
        Assert.Contains("补助申请提醒", html);
        Assert.Contains(SubscriptionTexts.LongTerm, html);
        Assert.Contains(SubscriptionTexts.OneTime, html);
        Assert.Contains("回复“退订”", html);
        Assert.Contains($"data-template=\"{LoanTemplate}\"", html);
        Assert.Contains("/chat/assets/elder.js", html); // the 长辈模式 switch shared with the web chat
        Assert.DoesNotContain("{{", html);

        const string url = "https://gov.example.cn/wechat/xinfeng/subscribe?elder=1";
        var config = await GetConfigAsync(client, url);
        var ticket = "jsapi-ticket-1";
        Assert.Equal(_appId, config.GetProperty("appId").GetString());
        Assert.Equal(JsSdkSignature.Compute(ticket, config.GetProperty("nonceStr").GetString()!,
            config.GetProperty("timestamp").GetInt64(), url), config.GetProperty("signature").GetString());

        // Reused, also by a second instance on the same storage: one ticket (and one access_token) in all.
        await using var second = NewHost();
        var again = await GetConfigAsync(second.CreateClient(), url);
        Assert.Equal(JsSdkSignature.Compute(ticket, again.GetProperty("nonceStr").GetString()!,
            again.GetProperty("timestamp").GetInt64(), url), again.GetProperty("signature").GetString());
        Assert.Equal(1, _api.TicketsIssued);
        Assert.Equal(1, _api.TokensIssued);

        // Only this county's page is signed; unknown county 404; a county without AppId/AppSecret 503.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/wechat/xinfeng/subscribe/config?url=" +
            Uri.EscapeDataString("https://evil.example/other"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/wechat/xinfeng/subscribe/config")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/wechat/atlantis/subscribe")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/wechat/yuzhou/subscribe/config?url=" +
            Uri.EscapeDataString("https://gov.example.cn/wechat/yuzhou/subscribe"))).StatusCode);
    }

    private static async Task<JsonElement> GetConfigAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync("/wechat/xinfeng/subscribe/config?url=" + Uri.EscapeDataString(url));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> PostAsync(string xml)
    {
        var response = await _platform.PostOaPlainAsync(xml);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }

    private static string Head(string openId, long createTime, string eventName) =>
        $"<xml><ToUserName><![CDATA[{TestAccounts.OaOriginalId}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>";

    private static string PopupXml(string openId, long createTime, params (string Template, string Status)[] items) =>
        Head(openId, createTime, "subscribe_msg_popup_event") + "<SubscribeMsgPopupEvent>" +
        string.Concat(items.Select(i => $"<List><TemplateId><![CDATA[{i.Template}]]></TemplateId>" +
            $"<SubscribeStatusString><![CDATA[{i.Status}]]></SubscribeStatusString><PopupScene>2</PopupScene></List>")) +
        "</SubscribeMsgPopupEvent></xml>";

    private static string ChangeXml(string openId, long createTime, string template, string status) =>
        Head(openId, createTime, "subscribe_msg_change_event") + "<SubscribeMsgChangeEvent>" +
        $"<List><TemplateId><![CDATA[{template}]]></TemplateId><SubscribeStatusString><![CDATA[{status}]]></SubscribeStatusString></List>" +
        "</SubscribeMsgChangeEvent></xml>";

    private static string SentXml(string openId, long createTime, string template, string errorCode, string errorStatus) =>
        Head(openId, createTime, "subscribe_msg_sent_event") + "<SubscribeMsgSentEvent>" +
        $"<List><TemplateId><![CDATA[{template}]]></TemplateId><MsgID>1700827132819554304</MsgID><ErrorCode>{errorCode}</ErrorCode>" +
        $"<ErrorStatus><![CDATA[{errorStatus}]]></ErrorStatus></List></SubscribeMsgSentEvent></xml>";
}
