using AssistBot.Bot.WeChat;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>Route choice for proactive messages: customer-service, template, WeCom app message, fallback cadre.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeChatOutboundSenderTests(SharedRedis redis) : IAsyncLifetime
{
    private FakeWeChatApi _api = null!;
    private WeChatTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = new WeChatTestHost(redis, _api, new Dictionary<string, string?>
        {
            ["Counties:xinfeng:WeChat:Templates:loan-repayment"] = "TPL_LOAN",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private WeChatOutboundSender Sender => _host.Services.GetRequiredService<WeChatOutboundSender>();
    private WeChatUserDirectory Users => _host.Services.GetRequiredService<WeChatUserDirectory>();

    private static OutboxMessage Loan(OutboxRecipient to, OutboxRecipient? fallback = null) => new()
    {
        IdempotencyKey = "loan-repayment:xinfeng:XF001:2026-12-01:7d:" + Guid.NewGuid().ToString("N")[..6],
        Kind = "loan-repayment",
        CountyId = "xinfeng",
        Recipient = to,
        Text = "您的小额信贷还有7天到期，请按时还款。",
        Template = new OutboxTemplate("loan-repayment", new Dictionary<string, string> { ["keyword1"] = "2026年12月1日" }),
        FallbackRecipient = fallback,
        FallbackText = "请电话告知农户：小额信贷还有7天到期。",
        DueAt = DateTimeOffset.UtcNow,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task Farmer_who_wrote_recently_gets_a_customer_service_text()
    {
        var openId = WeChatPlatform.NewOpenId();
        await Users.RecordInboundAsync("xinfeng", openId);
        var outcome = await Sender.DeliverAsync(Loan(OutboxRecipient.Farmer(openId)));
        Assert.True(outcome.IsOk);
        Assert.Equal("wechat:custom", outcome.Via);
        Assert.Equal("您的小额信贷还有7天到期，请按时还款。", Assert.Single(_api.DeliveredTo(FakeWeChatApi.CustomSendPath)).TextContent);
    }

    [Fact]
    public async Task Farmer_outside_the_window_gets_the_configured_template()
    {
        var openId = WeChatPlatform.NewOpenId();
        var message = Loan(OutboxRecipient.Farmer(openId));
        var outcome = await Sender.DeliverAsync(message);
        Assert.Equal("wechat:template", outcome.Via);
        Assert.True(outcome.IsOk);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.CustomSendPath));
        var body = Assert.Single(_api.DeliveredTo(FakeWeChatApi.TemplateSendPath)).Body!;
        Assert.Equal("TPL_LOAN", body["template_id"]!.GetValue<string>());
        Assert.Equal(message.IdempotencyKey, body["client_msg_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Customer_service_refused_with_45015_falls_back_to_the_template()
    {
        var openId = WeChatPlatform.NewOpenId();
        await Users.RecordInboundAsync("xinfeng", openId);
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, 45015);
        var outcome = await Sender.DeliverAsync(Loan(OutboxRecipient.Farmer(openId)));
        Assert.Equal("wechat:template", outcome.Via);
        Assert.True(outcome.IsOk);
    }

    [Fact]
    public async Task Unfollowed_farmer_is_not_messaged_and_the_cadre_is_told()
    {
        var openId = WeChatPlatform.NewOpenId();
        await Users.RecordUnsubscribedAsync("xinfeng", openId);
        var outcome = await Sender.DeliverAsync(Loan(OutboxRecipient.Farmer(openId), OutboxRecipient.Cadre("ZhangSan")));
        Assert.True(outcome.IsOk);
        Assert.Equal("wecom:fallback", outcome.Via);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.CustomSendPath));
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.TemplateSendPath));
        var push = Assert.Single(_api.DeliveredTo(FakeWeChatApi.WeComSendPath));
        Assert.Equal("ZhangSan", push.ToUser);
        Assert.Equal("请电话告知农户：小额信贷还有7天到期。", push.TextContent);
    }

    [Fact]
    public async Task Transient_failure_is_returned_for_retry_without_fallback()
    {
        var openId = WeChatPlatform.NewOpenId();
        await Users.RecordInboundAsync("xinfeng", openId);
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, -1);
        var outcome = await Sender.DeliverAsync(Loan(OutboxRecipient.Farmer(openId), OutboxRecipient.Cadre("ZhangSan")));
        Assert.Equal(WeChatSendStatus.Transient, outcome.Result.Status);
        Assert.True(outcome.Result.IsRetryable);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.WeComSendPath));
    }

    [Fact]
    public async Task Cadre_gets_a_wecom_app_message()
    {
        var outcome = await Sender.DeliverAsync(Loan(OutboxRecipient.Cadre("LiSi")));
        Assert.True(outcome.IsOk);
        Assert.Equal("wecom:app", outcome.Via);
        Assert.Equal("LiSi", Assert.Single(_api.DeliveredTo(FakeWeChatApi.WeComSendPath)).ToUser);
    }
}
