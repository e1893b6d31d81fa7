using System.Text.Json.Nodes;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// Issue 13's "done when" for cadres, over the real service (WeCom callbacks encrypted, the local WeCom stand-in):
/// 40 due items become one digest card; a click on 受理 delivered three times moves the case once, updates the card
/// and notifies the farmer; the next step comes as a card; a cadre of another township clicking a forwarded card is
/// refused; a second click on a done button says what happened.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class CadreCardTests(SharedRedis redis, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private FakeWeChatApi _api = null!;
    private WeChatTestHost _host = null!;
    private WeChatPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        var keyspace = "test-outbox-" + Guid.NewGuid().ToString("N");
        _host = new WeChatTestHost(redis, _api, new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "false",
            ["WeChat:RateLimitMessages"] = "1000",
            ["Counties:xinfeng:WeCom:AgentId"] = TestAccounts.AgentId,
        }, useTestBot: false, services: s => s.AddSingleton<IOutbox>(sp => new StorageOutbox(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<IClaimStore>(),
            sp.GetRequiredService<IScoredIndex>(), sp.GetRequiredService<ICounterStore>(), TimeProvider.System, keyspace)));
        _platform = new WeChatPlatform(_host.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    private Task<int> DrainAsync() => _host.Services.GetRequiredService<OutboxDelivery>().DrainAsync();

    private async Task<string> PostWeComAsync(string xml, string who)
    {
        var response = await _platform.PostWeComAsync(xml);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var reply = body == "success" ? "" : WeChatPlatform.DecryptReply(body, TestAccounts.WeComToken, TestAccounts.WeComAesKey, TestAccounts.CorpId)
            .Element("Content")!.Value;
        output.WriteLine($"{who}: {reply}\n");
        return reply;
    }

    private Task<string> TypeAsync(string userId, string text) => PostWeComAsync(
        $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>" +
        $"<CreateTime>{WeChatPlatform.Now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>" +
        $"<MsgId>{WeChatPlatform.NewMsgId()}</MsgId><AgentID>{TestAccounts.AgentId}</AgentID></xml>", $"{userId} 发“{text}”");

    /// <summary>A template_card_event callback as WeCom sends it for a click.</summary>
    private static string ClickXml(string userId, string key, string taskId, string responseCode, long createTime) =>
        $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>" +
        $"<EventKey><![CDATA[{key}]]></EventKey><TaskId><![CDATA[{taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>" +
        $"<ResponseCode><![CDATA[{responseCode}]]></ResponseCode><AgentID>{TestAccounts.AgentId}</AgentID>" +
        "<SelectedItems><SelectedItem><QuestionKey><![CDATA[q]]></QuestionKey></SelectedItem></SelectedItems></xml>";

    private static IEnumerable<string> Keys(JsonNode card) =>
        card["button_list"]!.AsArray().Select(b => b!["key"]!.GetValue<string>());

    [Fact]
    public async Task Forty_due_items_make_one_digest_card_and_a_click_on_受理_delivered_three_times_moves_the_case_once()
    {
        var village = $"卡片{_run}村";
        var cadre = $"cun{_run}";
        var other = $"gupo{_run}";
        var roster = _host.Services.GetRequiredService<RosterStore>();
        await roster.UpsertAsync(new Cadre("xinfeng", cadre, "刘村干", "村支书", "大塘埠镇", [village]));
        await roster.UpsertAsync(new Cadre("xinfeng", other, "陈干部", "乡镇干部", "古陂镇", []));

        // The farmer writes to the account (a customer-service window is open), then a declaration is filed for them.
        var openId = WeChatPlatform.NewOpenId();
        var hello = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "你好"));
        Assert.True(hello.IsSuccessStatusCode);
        var rules = _host.Services.GetRequiredService<CountyCaseData>().Get("xinfeng").Rules;
        var declaration = (await _host.Services.GetRequiredService<DeclarationStore>().SubmitAsync("xinfeng", "wechat", openId,
            new DeclarationSubmission("张三丰", null, "13912345678", "大塘埠镇", village, 4, [HardshipType.Illness],
                "老伴住院，电话13912345678", null), rules)).Declaration;
        await _host.Services.GetRequiredService<DeclarationNotifier>().NotifyCadresOfNewAsync(declaration);

        // 39 more items due for the same cadre in this sweep: household visits.
        var due = DateTimeOffset.UtcNow.AddSeconds(1);
        for (var i = 1; i <= 39; i++)
            await Outbox.EnqueueAsync(new OutboxMessage
            {
                IdempotencyKey = $"duty:xinfeng:H{_run}{i:D2}:2024-06-03:visit",
                Kind = "duty",
                CountyId = "xinfeng",
                Recipient = OutboxRecipient.Cadre(cadre),
                Text = $"【走访提醒】刘村干您好：户{i}（编号H{_run}{i:D2}）的“脱贫户走访”本月到期。完成后请回复“已完成 H{_run}{i:D2}”。",
                Title = "脱贫户走访",
                DueAt = due,
                CreatedAt = due,
                Subject = $"H{_run}{i:D2}",
                Stage = "visit",
            });
        await Task.Delay(1100);
        Assert.Equal(40, await DrainAsync());

        // One card, not 40 messages.
        var sent = _api.DeliveredTo(FakeWeChatApi.WeComSendPath).Where(r => r.ToUser == cadre).ToList();
        var digest = Assert.Single(sent).Body!;
        output.WriteLine(digest.ToJsonString());
        Assert.Equal("template_card", digest["msgtype"]!.GetValue<string>());
        var card = digest["template_card"]!;
        Assert.Equal("button_interaction", card["card_type"]!.GetValue<string>());
        Assert.Equal("您有40项待办", card["main_title"]!["title"]!.GetValue<string>());
        Assert.Contains("还有37项", card["sub_title_text"]!.GetValue<string>());
        Assert.Contains($"accept|{declaration.Id}", Keys(card));
        Assert.DoesNotContain("13912345678", digest.ToJsonString());
        Assert.DoesNotContain("张三丰", digest.ToJsonString());
        var taskId = card["task_id"]!.GetValue<string>();

        // "清单": the numbered list of all 40, each with the command that does it.
        var list = await TypeAsync(cadre, "清单");
        Assert.StartsWith("待办清单（40项）", list);
        Assert.Contains($"1. 新的农户申报 {declaration.Id} → 回复“受理 {CadreTexts.ShortId(declaration)}”", list);
        // What does not fit in one reply follows as an app message.
        for (var i = 0; i < 100 && !Pushed().Contains("40. 脱贫户走访 H"); i++) await Task.Delay(50);
        Assert.Contains("40. 脱贫户走访 H", list + Pushed());
        string Pushed() => string.Concat(_api.DeliveredTo(FakeWeChatApi.WeComSendPath).Where(r => r.ToUser == cadre).Select(r => r.TextContent));

        // The click on 受理, delivered three times by WeCom (the same callback): the case moves once.
        var responseCode = _api.NewResponseCode();
        var click = ClickXml(cadre, $"accept|{declaration.Id}", taskId, responseCode, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var replies = new List<string>();
        for (var i = 0; i < 3; i++) replies.Add(await PostWeComAsync(click, $"{cadre} 点“受理”（第{i + 1}次送达）"));
        Assert.Contains("已受理", replies[0]);
        var after = (await _host.Services.GetRequiredService<DeclarationStore>().GetAsync("xinfeng", declaration.Id))!;
        Assert.Equal(DeclarationStatus.Accepted, after.Status);
        Assert.Equal([DeclarationAction.Submit, DeclarationAction.Accept], after.History.Select(h => h.Action));
        Assert.Equal("wecom:" + cadre, after.History[^1].Actor);

        // The card was updated once with the click's response_code: the item is marked done, its button gone, the rest kept.
        var update = Assert.Single(_api.CardUpdates).Body!;
        output.WriteLine(update.ToJsonString());
        Assert.Equal(responseCode, update["response_code"]!.GetValue<string>());
        Assert.Equal(cadre, update["userids"]![0]!.GetValue<string>());
        var updated = update["template_card"]!;
        Assert.DoesNotContain($"accept|{declaration.Id}", Keys(updated));
        Assert.NotEmpty(Keys(updated));
        Assert.Contains(updated["horizontal_content_list"]!.AsArray(), f => f!["value"]!.GetValue<string>().StartsWith("已受理 · 刘村干", StringComparison.Ordinal));

        // The farmer hears of it (customer-service message, the window is open); the cadre gets the next step's card.
        await DrainAsync();
        var notice = Assert.Single(_api.DeliveredTo(FakeWeChatApi.CustomSendPath), r => r.ToUser == openId);
        Assert.Contains("已受理", notice.TextContent);
        var next = Assert.Single(_api.Cards, r => r.ToUser == cadre && r.Body!["template_card"]!["task_id"]!.GetValue<string>() != taskId).Body!["template_card"]!;
        Assert.Equal([$"true|{declaration.Id}", $"false|{declaration.Id}"], Keys(next));

        // A cadre of another township clicks the forwarded card: refused, nothing changes, the card stays as it is.
        var forwarded = await PostWeComAsync(ClickXml(other, $"true|{declaration.Id}", next["task_id"]!.GetValue<string>(), _api.NewResponseCode(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds()), $"{other} 点转发来的“属实”");
        Assert.Contains("不在您负责的范围内", forwarded);
        after = (await _host.Services.GetRequiredService<DeclarationStore>().GetAsync("xinfeng", declaration.Id))!;
        Assert.Equal((DeclarationStatus.Accepted, 2), (after.Status, after.History.Count));
        Assert.Single(_api.CardUpdates);

        // A later click on the done 受理 (a new callback): it says what happened and greys the button.
        var stale = await PostWeComAsync(ClickXml(cadre, $"accept|{declaration.Id}", taskId, _api.NewResponseCode(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1), $"{cadre} 再点“受理”");
        Assert.Contains("已经办过了：已受理 · 刘村干", stale);
        Assert.Equal(2, (await _host.Services.GetRequiredService<DeclarationStore>().GetAsync("xinfeng", declaration.Id))!.History.Count);

        // The next step by card: 属实 → the same state machine as "核实 编号 属实"; typed commands still work.
        var verified = await PostWeComAsync(ClickXml(cadre, $"true|{declaration.Id}", next["task_id"]!.GetValue<string>(), _api.NewResponseCode(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2), $"{cadre} 点“属实”");
        Assert.Contains("核实属实", verified);
        Assert.Contains(_api.CardUpdates, u => u.Body!["button"]?["replace_name"]?.GetValue<string>().StartsWith("已核实属实 · 刘村干") == true);
        Assert.Contains("纳入监测", await TypeAsync(cadre, "纳入 " + declaration.Id));
    }

    [Fact]
    public async Task A_busy_platform_is_retried_and_不纳入_by_card_asks_for_the_reason_in_chat()
    {
        var village = $"理由{_run}村";
        var cadre = $"cun{_run}";
        await _host.Services.GetRequiredService<RosterStore>().UpsertAsync(new Cadre("xinfeng", cadre, "王村干", "村支书", "嘉定镇", [village]));
        var rules = _host.Services.GetRequiredService<CountyCaseData>().Get("xinfeng").Rules;
        var store = _host.Services.GetRequiredService<DeclarationStore>();
        var declaration = (await store.SubmitAsync("xinfeng", "wechat", WeChatPlatform.NewOpenId(),
            new DeclarationSubmission("李四", null, "13912345679", "嘉定镇", village, 2, [HardshipType.Illness], "看病花钱", null), rules)).Declaration;
        await _host.Services.GetRequiredService<DeclarationNotifier>().NotifyCadresOfNewAsync(declaration);

        // WeCom stays busy (-1) through the HTTP client's own retries (3 attempts): the card waits for the outbox's
        // backoff and then goes out once.
        for (var i = 0; i < 3; i++) _api.EnqueueError(FakeWeChatApi.WeComSendPath, -1);
        await DrainAsync();
        Assert.Empty(_api.Cards);
        var entry = (await Outbox.ListAsync(OutboxStatus.Pending, 0, 1000)).Single(e => e.Message.Subject == declaration.Id);
        Assert.Contains("wecom:retry(-1)", entry.Trail.Select(a => a.ToString()));

        // Typed commands keep working next to the cards.
        Assert.Contains("已受理", await TypeAsync(cadre, "受理 " + declaration.Id));

        // 不纳入 on a card: the reason is asked in chat, and the next message completes the command.
        var ask = await PostWeComAsync(ClickXml(cadre, $"reject|{declaration.Id}", "ab0000", _api.NewResponseCode(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds()), $"{cadre} 点“不纳入”");
        Assert.Contains("原因", ask);
        Assert.Equal(DeclarationStatus.Accepted, (await store.GetAsync("xinfeng", declaration.Id))!.Status);
        Assert.Contains("不纳入", await TypeAsync(cadre, "家里收入稳定没有大额支出"));
        var after = (await store.GetAsync("xinfeng", declaration.Id))!;
        Assert.Equal(DeclarationStatus.NotIncluded, after.Status);
        Assert.Equal("家里收入稳定没有大额支出", after.History[^1].Note);
    }

    [Fact]
    public async Task 已走访_on_a_duty_card_records_the_visit_through_the_duty_desk_and_greys_the_card()
    {
        var cadre = $"cun{_run}";
        var household = $"H{_run}";
        await _host.Services.GetRequiredService<RosterStore>().UpsertAsync(new Cadre("xinfeng", cadre, "刘村干", "帮扶责任人", "大塘埠镇", [$"走访{_run}村"]));
        await ReminderWorld.SeedHouseholdAsync(_host.Storage, "xinfeng", household, "孙大", "大塘埠镇", $"走访{_run}村", "脱贫户", null, cadre,
            DateTimeOffset.UtcNow.AddMonths(-4));
        var now = DateTimeOffset.UtcNow;
        await Outbox.EnqueueAsync(new OutboxMessage
        {
            IdempotencyKey = $"duty:xinfeng:{household}:2024-06-30:house-safety",
            Kind = "duty",
            CountyId = "xinfeng",
            Recipient = OutboxRecipient.Cadre(cadre),
            Text = $"【走访提醒】刘村干您好：孙大户（走访{_run}村）（编号{household}）的“住房安全上门查看”本季度到期。完成后请回复“已完成 {household}”。",
            Title = "住房安全上门查看",
            DueAt = now,
            CreatedAt = now,
            Subject = household,
            Stage = "house-safety",
        });
        await DrainAsync();
        var card = Assert.Single(_api.Cards, r => r.ToUser == cadre).Body!["template_card"]!;
        Assert.Equal([$"visited|{household}|house-safety", $"later|{household}|house-safety"], Keys(card));
        Assert.Contains($"孙*户（走访{_run}村）", card["sub_title_text"]!.GetValue<string>()); // masked like the cadre's lists
        Assert.DoesNotContain("孙大", card["sub_title_text"]!.GetValue<string>());

        var reply = await PostWeComAsync(ClickXml(cadre, $"visited|{household}|house-safety", card["task_id"]!.GetValue<string>(),
            _api.NewResponseCode(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()), $"{cadre} 点“已走访”");
        Assert.StartsWith($"已登记：{household} 住房安全上门查看", reply);
        var done = await _host.Services.GetRequiredService<Scheduler.Ports.IDutyLedger>().LastDoneAsync("xinfeng", household);
        Assert.True(done.ContainsKey("house-safety"));
        Assert.StartsWith("已走访 · 刘村干", Assert.Single(_api.CardUpdates).Body!["button"]!["replace_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_the_platform_refuses_goes_out_as_text()
    {
        var village = $"文字{_run}村";
        var cadre = $"cun{_run}";
        await _host.Services.GetRequiredService<RosterStore>().UpsertAsync(new Cadre("xinfeng", cadre, "赵村干", "村支书", "嘉定镇", [village]));
        var rules = _host.Services.GetRequiredService<CountyCaseData>().Get("xinfeng").Rules;
        var declaration = (await _host.Services.GetRequiredService<DeclarationStore>().SubmitAsync("xinfeng", "wechat", WeChatPlatform.NewOpenId(),
            new DeclarationSubmission("钱五", null, "13912345670", "嘉定镇", village, 3, [HardshipType.Illness], "看病", null), rules)).Declaration;
        await _host.Services.GetRequiredService<DeclarationNotifier>().NotifyCadresOfNewAsync(declaration);
        _api.EnqueueError(FakeWeChatApi.WeComSendPath, 40058);
        await DrainAsync();
        var text = Assert.Single(_api.DeliveredTo(FakeWeChatApi.WeComSendPath), r => r.ToUser == cadre);
        Assert.Equal("text", text.Body!["msgtype"]!.GetValue<string>());
        Assert.Contains($"受理 {CadreTexts.ShortId(declaration)}", text.TextContent);
    }
}
