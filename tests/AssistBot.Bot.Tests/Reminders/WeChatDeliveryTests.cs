using AssistBot.Bot.Reminders;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// Reminder delivery end to end over HTTP: the service's WeChat/WeCom API clients against the local WeChat API
/// stand-in answering 45015, 43004 and a transient -1 — template fallback, cadre fallback and retry.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeChatDeliveryTests(SharedRedis redis) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private FakeWeChatApi _api = null!;
    private WeChatTestHost _host = null!;
    private readonly FakeTimeProvider _clock = new(Start);
    private StorageOutbox _outbox = null!;
    private OutboxDelivery _delivery = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = new WeChatTestHost(redis, _api, new Dictionary<string, string?>
        {
            ["Counties:xinfeng:WeChat:Templates:loan-repayment"] = "TPL_LOAN_DUE",
            ["Reminders:Enabled"] = "false",
        });
        var sender = _host.Services.GetRequiredService<IMessageSender>();
        Assert.IsType<WeChatMessageSender>(sender);
        _outbox = new StorageOutbox(_host.Storage, _host.Storage, _host.Storage, _host.Storage, _clock, "test-outbox-" + Guid.NewGuid().ToString("N"));
        var options = new DeliveryOptions { DefaultRatePerSecond = 0, RetryBaseDelay = TimeSpan.FromSeconds(30) };
        _delivery = new OutboxDelivery(_outbox, sender, new ChannelRateLimiter(options, _clock), options, _clock,
            NullLogger<OutboxDelivery>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private WeChatUserDirectory Users => _host.Services.GetRequiredService<WeChatUserDirectory>();

    private static OutboxMessage LoanReminder(string openId) => new()
    {
        IdempotencyKey = $"loan-repayment:xinfeng:XF2024001:2024-05-31:7d:{openId}",
        Kind = "loan-repayment",
        CountyId = "xinfeng",
        Recipient = OutboxRecipient.Farmer(openId),
        Text = "【还款提醒】张三您好：您在信丰农商银行的小额信贷5万元，将于2024年5月31日到期（7天后到期）。",
        Template = new OutboxTemplate("loan-repayment", new Dictionary<string, string>
        {
            ["first"] = "张三您好，您的小额信贷7天后到期",
            ["keyword1"] = "5万元",
            ["keyword2"] = "2024年5月31日",
        }),
        FallbackRecipient = OutboxRecipient.Cadre("liu.ganbu"),
        FallbackText = "【请电话转告】借款人张三暂时无法通过微信联系：小额信贷5万元将于2024年5月31日到期。",
        DueAt = Start,
        CreatedAt = Start,
    };

    private async Task<OutboxEntry> DeliverAsync(OutboxMessage message)
    {
        Assert.True(await _outbox.EnqueueAsync(message));
        await _delivery.DrainAsync();
        return (await _outbox.GetAsync(OutboxIds.FromIdempotencyKey(message.IdempotencyKey)))!;
    }

    [Fact]
    public async Task Customer_service_refused_with_45015_goes_out_as_the_county_template()
    {
        var openId = WeChatPlatform.NewOpenId();
        await Users.RecordInboundAsync("xinfeng", openId);
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, 45015);

        var entry = await DeliverAsync(LoanReminder(openId));

        Assert.Equal((OutboxStatus.Sent, "wechat:template"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(45015, Assert.Single(_api.RequestsTo(FakeWeChatApi.CustomSendPath)).ErrCode);
        var template = Assert.Single(_api.DeliveredTo(FakeWeChatApi.TemplateSendPath));
        Assert.Equal("TPL_LOAN_DUE", template.Body!["template_id"]!.GetValue<string>());
        Assert.Equal("5万元", template.Body["data"]!["keyword1"]!["value"]!.GetValue<string>());
        Assert.Equal(entry.Message.IdempotencyKey, template.Body["client_msg_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unsubscribed_farmer_43004_is_passed_to_the_cadre_on_wecom()
    {
        var openId = WeChatPlatform.NewOpenId(); // never wrote: outside the 48-hour window
        _api.EnqueueError(FakeWeChatApi.TemplateSendPath, 43004);

        var entry = await DeliverAsync(LoanReminder(openId));

        Assert.Equal((OutboxStatus.Sent, "wecom:fallback"), (entry.Status, entry.DeliveredVia));
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.CustomSendPath));
        Assert.Equal(43004, Assert.Single(_api.RequestsTo(FakeWeChatApi.TemplateSendPath)).ErrCode);
        var wecom = Assert.Single(_api.DeliveredTo(FakeWeChatApi.WeComSendPath));
        Assert.Equal("liu.ganbu", wecom.ToUser);
        Assert.StartsWith("【请电话转告】借款人张三", wecom.TextContent);
    }

    [Fact]
    public async Task A_busy_platform_minus_1_is_retried_after_the_backoff_and_then_delivered_once()
    {
        var openId = WeChatPlatform.NewOpenId();
        await Users.RecordInboundAsync("xinfeng", openId);
        // Busy through the HTTP client's own quick retries (three attempts), so the outbox takes over.
        for (var i = 0; i < 3; i++) _api.EnqueueError(FakeWeChatApi.CustomSendPath, -1);

        var entry = await DeliverAsync(LoanReminder(openId));
        Assert.Equal((OutboxStatus.Pending, 1), (entry.Status, entry.Attempts));
        Assert.Contains("-1", entry.LastError);
        Assert.Empty(_api.DeliveredTo(FakeWeChatApi.CustomSendPath));

        await _delivery.DrainAsync(); // not yet: the backoff has not passed
        Assert.Equal(3, _api.RequestsTo(FakeWeChatApi.CustomSendPath).Count);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await _delivery.DrainAsync();
        entry = (await _outbox.GetAsync(entry.Id))!;
        Assert.Equal((OutboxStatus.Sent, "wechat:custom"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(entry.Message.Text, Assert.Single(_api.DeliveredTo(FakeWeChatApi.CustomSendPath)).TextContent);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.TemplateSendPath));
    }
}
