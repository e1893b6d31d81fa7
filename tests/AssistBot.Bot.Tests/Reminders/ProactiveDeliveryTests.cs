using AssistBot.Bot.Cases;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// Issue 13's "done when" for farmers, over the real service and the local WeChat stand-in: a month of loan reminders
/// by long-term 订阅通知 with the window closed, revocation, then the cadre; and a customer-service quota of 5 per
/// message window, the 6th going by another route. Every route tried is recorded on the outbox entry.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class ProactiveDeliveryTests(SharedRedis redis, ITestOutputHelper output) : IAsyncLifetime
{
    private const string LoanTemplate = "tpl-loan-long-0001";
    private const string StatusTemplate = "TPL_STATUS";
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private readonly FakeTimeProvider _clock = new(Start);
    private FakeWeChatApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private WeChatTestHost Host(Dictionary<string, string?> settings, bool useTestBot = true)
    {
        settings["Reminders:Enabled"] = "false";
        settings["WeChat:RateLimitMessages"] = "1000";
        // Each test its own AppId: the access_token cache in the shared Redis starts empty.
        settings["Counties:xinfeng:WeChat:AppId"] = "wx" + Guid.NewGuid().ToString("N")[..16];
        return new WeChatTestHost(redis, _api, settings, useTestBot);
    }

    private (StorageOutbox Outbox, OutboxDelivery Delivery) Worker(WeChatTestHost host)
    {
        var outbox = new StorageOutbox(host.Storage, host.Storage, host.Storage, host.Storage, _clock, "test-outbox-" + Guid.NewGuid().ToString("N"));
        var options = new DeliveryOptions { DefaultRatePerSecond = 0 };
        return (outbox, new OutboxDelivery(outbox, host.Services.GetRequiredService<IMessageSender>(), new ChannelRateLimiter(options, _clock),
            options, _clock, NullLogger<OutboxDelivery>.Instance));
    }

    private static OutboxMessage LoanReminder(string openId, string stage, DateTimeOffset due) => new()
    {
        IdempotencyKey = $"loan-repayment:xinfeng:XF2024001:2024-06-30:{stage}:{openId}",
        Kind = "loan-repayment",
        CountyId = "xinfeng",
        Recipient = OutboxRecipient.Farmer(openId),
        Text = $"【还款提醒】张三您好：您在信丰农商银行的小额信贷5万元将于2024年6月30日到期（{stage}）。",
        Template = new OutboxTemplate("loan-repayment", new Dictionary<string, string>
        {
            ["first"] = "张三您好，您的小额信贷快到期了",
            ["keyword1"] = "5万元",
            ["keyword2"] = "2024-06-30",
            ["keyword3"] = "信丰农商银行",
        }),
        FallbackRecipient = OutboxRecipient.Cadre("liu.ganbu"),
        FallbackText = "【请电话转告】借款人张三暂时无法通过微信联系：小额信贷5万元将于2024年6月30日到期。",
        DueAt = due,
        CreatedAt = Start,
        Subject = "XF2024001",
        Stage = stage,
    };

    private static string Head(string openId, string eventName) =>
        $"<xml><ToUserName><![CDATA[{TestAccounts.OaOriginalId}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>";

    private static async Task PostAsync(WeChatPlatform platform, string xml)
    {
        var response = await platform.PostOaPlainAsync(xml);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Consent_then_a_month_of_loan_reminders_by_bizsend_then_revocation_then_the_cadre_each_step_once()
    {
        await using var host = Host(new Dictionary<string, string?>
        {
            ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:TemplateId"] = LoanTemplate,
            ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:LongTerm"] = "true",
            ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:thing1"] = "keyword3",
            ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:date2"] = "keyword2",
            ["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:Fields:amount3"] = "keyword1",
        });
        var platform = new WeChatPlatform(host.CreateClient());
        var (outbox, delivery) = Worker(host);
        var openId = WeChatPlatform.NewOpenId(); // never writes: the customer-service window stays closed

        // Consent: the popup's accept event (WeChat delivers it twice; it counts once).
        var popup = Head(openId, "subscribe_msg_popup_event") + "<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[" + LoanTemplate +
                    "]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent></xml>";
        var plan = await delivery.PlanAsync(LoanReminder(openId, "7d", Start));
        Assert.Equal("cadre", plan.Route); // before consent, what the preview would say today
        await PostAsync(platform, popup);
        await PostAsync(platform, popup);
        plan = await delivery.PlanAsync(LoanReminder(openId, "7d", Start));
        Assert.Equal(("subscription-long", 0), (plan.Route, plan.Skipped.Count));

        // A month of the loan's reminders (7 days, 3 days, the due day, a week overdue): each one 订阅通知, nothing else.
        var stages = new[] { ("7d", 0), ("3d", 4), ("0d", 7), ("overdue-7", 14) };
        foreach (var (stage, offset) in stages)
        {
            _clock.SetUtcNow(Start.AddDays(offset));
            Assert.True(await outbox.EnqueueAsync(LoanReminder(openId, stage, _clock.GetUtcNow())));
            await delivery.DrainAsync();
            var entry = (await outbox.GetAsync(OutboxIds.FromIdempotencyKey(LoanReminder(openId, stage, Start).IdempotencyKey)))!;
            Assert.Equal((OutboxStatus.Sent, "wechat:subscription-long"), (entry.Status, entry.DeliveredVia));
            Assert.Equal("subscription-long:sent", Assert.Single(entry.Trail).ToString());
        }
        var sent = _api.DeliveredTo(FakeWeChatApi.BizSendPath);
        Assert.Equal(4, sent.Count);
        Assert.All(sent, s => Assert.Equal(openId, s.ToUser));
        Assert.Equal("信丰农商银行", sent[0].Body!["data"]!["thing1"]!["value"]!.GetValue<string>());
        Assert.Equal("2024年6月30日", sent[0].Body!["data"]!["date2"]!["value"]!.GetValue<string>());
        Assert.Equal("50000元", sent[0].Body!["data"]!["amount3"]!["value"]!.GetValue<string>());

        // The farmer turns it off in WeChat's settings.
        await PostAsync(platform, Head(openId, "subscribe_msg_change_event") + "<SubscribeMsgChangeEvent><List><TemplateId><![CDATA[" + LoanTemplate +
                                  "]]></TemplateId><SubscribeStatusString><![CDATA[reject]]></SubscribeStatusString></List></SubscribeMsgChangeEvent></xml>");

        // The preview now names the cadre and why every route before it is skipped.
        plan = await delivery.PlanAsync(LoanReminder(openId, "overdue-14", Start));
        Assert.Equal("cadre (subscription-long: no-consent, custom: window-closed, subscription-once: not-configured, template: not-configured)",
            plan.ToString());

        // The next reminder: no consent, window closed, no one-time or template message configured → the cadre.
        _clock.SetUtcNow(Start.AddDays(21));
        var last = LoanReminder(openId, "overdue-14", _clock.GetUtcNow());
        await outbox.EnqueueAsync(last);
        await delivery.DrainAsync();
        var handed = (await outbox.GetAsync(OutboxIds.FromIdempotencyKey(last.IdempotencyKey)))!;
        output.WriteLine(string.Join(" → ", handed.Trail));
        Assert.Equal((OutboxStatus.Sent, "wecom:fallback"), (handed.Status, handed.DeliveredVia));
        Assert.Equal(
            ["subscription-long:skipped(no-consent)", "custom:skipped(window-closed)", "subscription-once:skipped(not-configured)",
             "template:skipped(not-configured)", "cadre:sent"],
            handed.Trail.Select(a => a.ToString()));

        // Each step once: 4 bizsends, one WeCom text to the cadre, no customer-service or template message at all.
        Assert.Equal(4, _api.RequestsTo(FakeWeChatApi.BizSendPath).Count);
        // (The WeCom token cached in the shared Redis by an earlier test is refused once and refreshed: count deliveries.)
        var wecom = Assert.Single(_api.DeliveredTo(FakeWeChatApi.WeComSendPath));
        Assert.Equal("liu.ganbu", wecom.ToUser);
        Assert.StartsWith("【请电话转告】借款人张三", wecom.TextContent);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.CustomSendPath));
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.TemplateSendPath));

        // The console's question: which farmers did no reminder reach that day, and why.
        var day = Scheduler.Time.ChinaTime.DateOf(_clock.GetUtcNow());
        var list = await outbox.ListNotReachedAsync("xinfeng", day);
        foreach (var n in list) output.WriteLine($"{n.Id} {n.Status} {n.DeliveredVia} {n.LastRoute} {n.LastReason}");
        var notReached = Assert.Single(list);
        Assert.Equal((last.Subject, "wecom:fallback"), (notReached.Subject, notReached.DeliveredVia));
        Assert.Contains(notReached.Trail, a => a.Reason == "no-consent");
        Assert.Empty(await outbox.ListNotReachedAsync("xinfeng", Scheduler.Time.ChinaTime.DateOf(Start)));
    }

    [Fact]
    public async Task With_the_window_open_five_customer_service_messages_go_out_and_the_sixth_by_another_route()
    {
        await using var host = Host(new Dictionary<string, string?> { ["Counties:xinfeng:WeChat:Templates:declaration-status"] = StatusTemplate });
        var platform = new WeChatPlatform(host.CreateClient());
        var (outbox, delivery) = Worker(host);
        var openId = WeChatPlatform.NewOpenId();

        // The farmer writes: a 48-hour window with 5 messages opens (recorded off the reply path).
        await PostAsync(platform, WeChatPlatform.TextXml(openId, "你好"));
        var quota = host.Services.GetRequiredService<CustomerServiceQuota>();
        var window = await WaitForAsync(() => quota.GetAsync("xinfeng", openId).AsTask(), w => w.IsOpen);
        Assert.Equal((CustomerServiceQuota.MessageTrigger, 0, 5), (window.Trigger, window.Sent, window.Limit));

        var messages = Enumerable.Range(1, 6).Select(i => new OutboxMessage
        {
            IdempotencyKey = $"declaration-status:xinfeng:XF-20240515-0007:{i}:{openId}",
            Kind = "declaration-status",
            CountyId = "xinfeng",
            Recipient = OutboxRecipient.Farmer(openId),
            Text = $"您的申报 XF-20240515-0007 有新进展（第{i}条）。",
            Template = new OutboxTemplate("declaration-status", new Dictionary<string, string>
            {
                ["first"] = "您的防止返贫监测申报有新进展",
                ["keyword1"] = "XF-20240515-0007",
                ["keyword2"] = "已受理，待核实\n请保持电话畅通，村干部会尽快上门了解情况",
            }),
            FallbackRecipient = OutboxRecipient.Cadre("liu.ganbu"),
            FallbackText = "请转告农户",
            DueAt = Start.AddSeconds(i),
            CreatedAt = Start,
            Subject = "XF-20240515-0007",
        }).ToList();
        foreach (var m in messages) await outbox.EnqueueAsync(m);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await delivery.DrainAsync();

        var entries = new List<OutboxEntry>();
        foreach (var m in messages) entries.Add((await outbox.GetAsync(OutboxIds.FromIdempotencyKey(m.IdempotencyKey)))!);
        foreach (var e in entries) output.WriteLine($"{e.Message.Text}: {e.DeliveredVia} [{string.Join(" → ", e.Trail)}]");
        Assert.Equal(5, entries.Count(e => e.DeliveredVia == "wechat:custom"));
        var sixth = entries.Single(e => e.DeliveredVia != "wechat:custom");
        Assert.Equal((OutboxStatus.Sent, "wechat:template"), (sixth.Status, sixth.DeliveredVia));
        Assert.Contains("custom:skipped(quota-used)", sixth.Trail.Select(a => a.ToString()));
        // The platform saw exactly five customer-service sends (the sixth never hit it) and one template message,
        // without first/remark and with each field one line of at most 20 characters.
        Assert.Equal(5, _api.RequestsTo(FakeWeChatApi.CustomSendPath).Count);
        var template = Assert.Single(_api.DeliveredTo(FakeWeChatApi.TemplateSendPath)).Body!["data"]!.AsObject();
        Assert.False(template.ContainsKey("first"));
        var keyword2 = template["keyword2"]!["value"]!.GetValue<string>();
        Assert.True(keyword2.Length <= 20 && !keyword2.Contains('\n'), keyword2);
        window = await quota.GetAsync("xinfeng", openId);
        Assert.Equal((5, false), (window.Sent, window.HasQuota));

        // A second reminder about the same subject this month cannot take a template message either: the cadre.
        var seventh = messages[0] with { IdempotencyKey = "declaration-status:xinfeng:XF-20240515-0007:7:" + openId, DueAt = _clock.GetUtcNow() };
        await outbox.EnqueueAsync(seventh);
        await delivery.DrainAsync();
        var handed = (await outbox.GetAsync(OutboxIds.FromIdempotencyKey(seventh.IdempotencyKey)))!;
        Assert.Equal("wecom:fallback", handed.DeliveredVia);
        Assert.Contains("template:skipped(template-monthly-limit)", handed.Trail.Select(a => a.ToString()));
    }

    [Fact]
    public async Task Replies_pushed_outside_the_passive_reply_count_against_the_quota_and_45047_closes_it()
    {
        await using var host = Host(new Dictionary<string, string?>());
        var platform = new WeChatPlatform(host.CreateClient());
        var (outbox, delivery) = Worker(host);
        var openId = WeChatPlatform.NewOpenId();
        var quota = host.Services.GetRequiredService<CustomerServiceQuota>();

        // A long answer: the passive reply carries the first part, the rest goes out by customer-service message.
        await PostAsync(platform, WeChatPlatform.TextXml(openId, "long"));
        var pushes = (await _api.WaitForDeliveredAsync(FakeWeChatApi.CustomSendPath)).Count;
        await Task.Delay(300);
        pushes = _api.DeliveredTo(FakeWeChatApi.CustomSendPath).Count;
        Assert.InRange(pushes, 1, 4);
        var window = await WaitForAsync(() => quota.GetAsync("xinfeng", openId).AsTask(), w => w.Sent == pushes);
        Assert.Equal(5 - pushes, window.Limit - window.Sent);

        // The platform says 45047 on the next send: the window's quota is gone, whatever the count said.
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, 45047);
        var message = LoanReminder(openId, "7d", _clock.GetUtcNow()) with { Template = null };
        await outbox.EnqueueAsync(message);
        await delivery.DrainAsync();
        var entry = (await outbox.GetAsync(OutboxIds.FromIdempotencyKey(message.IdempotencyKey)))!;
        output.WriteLine(string.Join(" → ", entry.Trail));
        Assert.Equal("wecom:fallback", entry.DeliveredVia);
        Assert.Contains("custom:failed(45047)", entry.Trail.Select(a => a.ToString()));
        Assert.False((await quota.GetAsync("xinfeng", openId)).HasQuota);
    }

    [Fact]
    public async Task A_one_time_consent_survives_45009_and_the_reminder_goes_out_on_the_retry()
    {
        const string windowTemplate = "tpl-window-once-0002";
        await using var host = Host(new Dictionary<string, string?>
        {
            ["Counties:xinfeng:WeChat:Subscriptions:window:TemplateId"] = windowTemplate,
            ["Counties:xinfeng:WeChat:Subscriptions:window:LongTerm"] = "false",
            ["Counties:xinfeng:WeChat:Subscriptions:window:Fields:thing1"] = "keyword1",
        });
        var platform = new WeChatPlatform(host.CreateClient());
        var (outbox, delivery) = Worker(host);
        var openId = WeChatPlatform.NewOpenId();
        await PostAsync(platform, Head(openId, "subscribe_msg_popup_event") + "<SubscribeMsgPopupEvent><List><TemplateId><![CDATA[" + windowTemplate +
                                  "]]></TemplateId><SubscribeStatusString><![CDATA[accept]]></SubscribeStatusString><PopupScene>2</PopupScene></List></SubscribeMsgPopupEvent></xml>");

        // The API's daily quota is hit (45009): the send is retried later and the one-time consent is not lost.
        _api.EnqueueError(FakeWeChatApi.BizSendPath, 45009);
        var message = new OutboxMessage
        {
            IdempotencyKey = $"window:xinfeng:yulu-2024-spring:2024-03-01:open:{openId}",
            Kind = "window",
            CountyId = "xinfeng",
            Recipient = OutboxRecipient.Farmer(openId),
            Text = "【补助申请提醒】2024年雨露计划春季学期补助开始申请。",
            Template = new OutboxTemplate("window", new Dictionary<string, string> { ["keyword1"] = "2024年雨露计划春季学期补助申请" }),
            DueAt = _clock.GetUtcNow(),
            CreatedAt = _clock.GetUtcNow(),
            Subject = "yulu-2024-spring",
        };
        await outbox.EnqueueAsync(message);
        await delivery.DrainAsync();
        var entry = (await outbox.GetAsync(OutboxIds.FromIdempotencyKey(message.IdempotencyKey)))!;
        Assert.Equal((OutboxStatus.Pending, 1), (entry.Status, entry.Attempts));
        Assert.Equal(["subscription-long:skipped(not-configured)", "custom:skipped(window-closed)", "subscription-once:retry(45009)"],
            entry.Trail.Select(a => a.ToString()));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await delivery.DrainAsync();
        entry = (await outbox.GetAsync(entry.Id))!;
        Assert.Equal((OutboxStatus.Sent, "wechat:subscription-once"), (entry.Status, entry.DeliveredVia));
        Assert.Equal(windowTemplate, Assert.Single(_api.DeliveredTo(FakeWeChatApi.BizSendPath)).Body!["template_id"]!.GetValue<string>());
        // Used now: a second reminder finds no consent left.
        var book = await host.Services.GetRequiredService<AssistBot.Bot.WeChat.Subscriptions.ISubscriptionConsents>().GetAsync("xinfeng", openId);
        Assert.False(book.Templates[windowTemplate].AllowsSend);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i > 100) return value;
            await Task.Delay(50);
        }
    }
}
