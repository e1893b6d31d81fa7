using System.Net;
using System.Text;
using AssistBot.Bot.WeChat;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>The Official Account endpoint on the real host and real Redis, with the WeChat API stand-in.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeChatEndpointTests(SharedRedis redis) : IAsyncLifetime
{
    private FakeWeChatApi _api = null!;
    private WeChatTestHost _host = null!;
    private WeChatPlatform _platform = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = new WeChatTestHost(redis, _api, new Dictionary<string, string?>
        {
            ["WeChat:PassiveReplyTimeout"] = "00:00:01",
            ["WeChat:RetryReplyWait"] = "00:00:03",
        });
        _platform = new WeChatPlatform(_host.CreateClient());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    private async Task<long> TurnsOf(string openId) =>
        (long)await redis.Connection.GetDatabase().StringGetAsync("assistbot:ctr:" + CountingTestBot.CounterKey("xinfeng:" + openId));

    /// <summary>Every Redis key that mentions this user or message id (claims, replies, state, follower record).</summary>
    private async Task<List<string>> KeysMentioning(params string[] fragments)
    {
        var keys = new List<string>();
        foreach (var endpoint in redis.Connection.GetEndPoints())
        {
            var server = redis.Connection.GetServer(endpoint);
            foreach (var fragment in fragments)
                await foreach (var key in server.KeysAsync(pattern: "*" + fragment + "*"))
                    keys.Add(key.ToString());
        }
        return keys;
    }

    [Fact]
    public async Task Url_verification_echoes_echostr_when_signed()
    {
        var ts = WeChatPlatform.Now();
        var sig = WeChatSignature.Compute(TestAccounts.OaToken, ts, "1514711492");
        var client = _host.CreateClient();
        var ok = await client.GetAsync($"/wechat/xinfeng?signature={sig}&timestamp={ts}&nonce=1514711492&echostr=4375120948345356249");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("4375120948345356249", await ok.Content.ReadAsStringAsync());

        var bad = await client.GetAsync($"/wechat/xinfeng?signature={sig}&timestamp={ts}&nonce=1514711493&echostr=1");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Plain_text_message_gets_one_passive_reply_with_numbered_choices()
    {
        var openId = WeChatPlatform.NewOpenId();
        var response = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "你好"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var reply = System.Xml.Linq.XDocument.Parse(body).Root!;
        Assert.Equal(openId, reply.Element("ToUserName")!.Value);
        Assert.Equal(TestAccounts.OaOriginalId, reply.Element("FromUserName")!.Value);
        Assert.Equal("text", reply.Element("MsgType")!.Value);
        Assert.Equal("第1次：你好\n\n还要别的吗？\n1. 好\n2. 不好", reply.Element("Content")!.Value);

        // The last-inbound time is written off the reply path; give it a moment.
        WeChatUserRecord? user = null;
        for (var i = 0; i < 50 && user?.LastInboundAt is null; i++)
        {
            user = await _host.Services.GetRequiredService<WeChatUserDirectory>().GetAsync("xinfeng", openId);
            if (user?.LastInboundAt is null) await Task.Delay(40);
        }
        Assert.NotNull(user?.LastInboundAt);
        Assert.True(await _host.Services.GetRequiredService<WeChatUserDirectory>().IsCustomerServiceWindowOpenAsync("xinfeng", openId));
    }

    [Fact]
    public async Task Safe_mode_message_is_decrypted_and_the_reply_encrypted_and_signed()
    {
        var openId = WeChatPlatform.NewOpenId();
        var response = await _platform.PostOaSafeAsync(WeChatPlatform.TextXml(openId, "安全模式"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inner = WeChatPlatform.DecryptReply(await response.Content.ReadAsStringAsync(),
            TestAccounts.OaToken, TestAccounts.OaAesKey, TestAccounts.OaAppId);
        Assert.Equal(openId, inner.Element("ToUserName")!.Value);
        Assert.StartsWith("第1次：安全模式", inner.Element("Content")!.Value);
    }

    [Fact]
    public async Task Compatible_mode_body_without_encrypt_type_is_read_from_its_plain_fields()
    {
        var openId = WeChatPlatform.NewOpenId();
        var xml = WeChatPlatform.TextXml(openId, "兼容模式").Replace("</xml>", "<Encrypt><![CDATA[ignored]]></Encrypt></xml>");
        var response = await _platform.PostOaPlainAsync(xml);
        Assert.StartsWith("第1次：兼容模式", WeChatPlatform.PassiveText(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Subscribe_welcomes_with_menu_and_unsubscribe_marks_the_user_unreachable()
    {
        var openId = WeChatPlatform.NewOpenId();
        var directory = _host.Services.GetRequiredService<WeChatUserDirectory>();
        var welcome = await _platform.PostOaPlainAsync(WeChatPlatform.EventXml(openId, "subscribe"));
        Assert.Equal("欢迎关注\n1. 政策咨询\n2. 困难申报", WeChatPlatform.PassiveText(await welcome.Content.ReadAsStringAsync()));
        Assert.True((await directory.GetAsync("xinfeng", openId))!.Subscribed);

        var bye = await _platform.PostOaPlainAsync(WeChatPlatform.EventXml(openId, "unsubscribe", createTime: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        Assert.Equal("success", await bye.Content.ReadAsStringAsync());
        var user = await directory.GetAsync("xinfeng", openId);
        Assert.False(user!.Subscribed);
        Assert.NotNull(user.UnsubscribedAt);
        Assert.False(await directory.IsCustomerServiceWindowOpenAsync("xinfeng", openId));
    }

    [Fact]
    public async Task Menu_click_reaches_the_bot_as_a_menuClick_event()
    {
        var response = await _platform.PostOaPlainAsync(WeChatPlatform.EventXml(WeChatPlatform.NewOpenId(), "CLICK", "MENU_LOAN"));
        Assert.Equal("事件 menuClick \"MENU_LOAN\"", WeChatPlatform.PassiveText(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Voice_uses_recognition_and_without_it_asks_again_and_images_get_a_polite_reply()
    {
        var openId = WeChatPlatform.NewOpenId();
        string Voice(string? recognition) =>
            $"<xml><ToUserName>{TestAccounts.OaOriginalId}</ToUserName><FromUserName>{openId}</FromUserName><CreateTime>{WeChatPlatform.Now()}</CreateTime>" +
            $"<MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format>" +
            (recognition is null ? "" : $"<Recognition><![CDATA[{recognition}]]></Recognition>") + $"<MsgId>{WeChatPlatform.NewMsgId()}</MsgId></xml>";

        var heard = await _platform.PostOaPlainAsync(Voice("我想问一下贷款。"));
        Assert.StartsWith("第1次：我想问一下贷款", WeChatPlatform.PassiveText(await heard.Content.ReadAsStringAsync()));

        var unheard = await _platform.PostOaPlainAsync(Voice(null));
        Assert.Equal(WeChatTexts.VoiceNotRecognized, WeChatPlatform.PassiveText(await unheard.Content.ReadAsStringAsync()));

        var image = await _platform.PostOaPlainAsync(
            $"<xml><ToUserName>gh</ToUserName><FromUserName>{openId}</FromUserName><CreateTime>1</CreateTime><MsgType>image</MsgType>" +
            $"<PicUrl>http://x</PicUrl><MediaId>m</MediaId><MsgId>{WeChatPlatform.NewMsgId()}</MsgId></xml>");
        Assert.Equal(WeChatTexts.ImageNotSupported, WeChatPlatform.PassiveText(await image.Content.ReadAsStringAsync()));
        Assert.Equal(1, await TurnsOf(openId)); // only the recognised voice ran a turn
    }

    [Fact]
    public async Task Same_msgid_delivered_three_times_at_once_advances_the_dialog_exactly_once()
    {
        var openId = WeChatPlatform.NewOpenId();
        var xml = WeChatPlatform.TextXml(openId, "slow:300", WeChatPlatform.NewMsgId());
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _platform.PostOaPlainAsync(xml)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await TurnsOf(openId));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        foreach (var body in bodies)
            Assert.StartsWith("第1次：slow:300", WeChatPlatform.PassiveText(body)); // retries get the first delivery's reply

        // A later redelivery (e.g. the platform lost our answer) still does not run the dialog again.
        var again = await _platform.PostOaPlainAsync(xml);
        Assert.StartsWith("第1次", WeChatPlatform.PassiveText(await again.Content.ReadAsStringAsync()));
        Assert.Equal(1, await TurnsOf(openId));
    }

    [Fact]
    public async Task Events_without_msgid_are_deduplicated_by_user_and_create_time()
    {
        var openId = WeChatPlatform.NewOpenId();
        var xml = WeChatPlatform.EventXml(openId, "subscribe", createTime: 1_700_000_123);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _platform.PostOaPlainAsync(xml)));
        var claims = await KeysMentioning($"wechat:msg:{{xinfeng}}:{openId}-1700000123");
        Assert.Contains(claims, k => k.StartsWith("assistbot:claim:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slow_turn_answers_success_and_sends_the_reply_through_customer_service()
    {
        var openId = WeChatPlatform.NewOpenId();
        // The host's first request pays for start-up and JIT; time the passive answer, not that.
        await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "你好"));
        var started = DateTime.UtcNow;
        var response = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "slow:2000"));
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.8), "the passive answer must not wait for the turn");

        var sent = await _api.WaitForDeliveredAsync(FakeWeChatApi.CustomSendPath, 1);
        var push = Assert.Single(sent, r => r.ToUser == openId);
        Assert.StartsWith("第1次：slow:2000", push.TextContent);
        Assert.Contains("1. 好", push.TextContent);
        Assert.Equal("text", push.Body!["msgtype"]!.GetValue<string>());
        Assert.Equal(1, await TurnsOf(openId));
    }

    [Fact]
    public async Task Retry_during_a_slow_turn_answers_success_and_the_reply_is_pushed_once()
    {
        var openId = WeChatPlatform.NewOpenId();
        var xml = WeChatPlatform.TextXml(openId, "slow:2500");
        var first = _platform.PostOaPlainAsync(xml);
        await Task.Delay(1500); // the first delivery has answered "success" by now and is still running
        var retry = await _platform.PostOaPlainAsync(xml);
        Assert.Equal("success", await retry.Content.ReadAsStringAsync());
        Assert.Equal("success", await (await first).Content.ReadAsStringAsync());

        var push = Assert.Single(await _api.WaitForDeliveredAsync(FakeWeChatApi.CustomSendPath), r => r.ToUser == openId);
        Assert.StartsWith("第1次：slow:2500", push.TextContent);
        await Task.Delay(300);
        Assert.Single(_api.DeliveredTo(FakeWeChatApi.CustomSendPath), r => r.ToUser == openId);
        Assert.Equal(1, await TurnsOf(openId));
    }

    [Fact]
    public async Task Long_reply_sends_the_first_part_passively_and_the_rest_through_customer_service()
    {
        var openId = WeChatPlatform.NewOpenId();
        var response = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "long"));
        var passive = WeChatPlatform.PassiveText(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("第1条政策说明", passive);
        Assert.InRange(Encoding.UTF8.GetByteCount(passive), 1000, 2048);

        var expectedParts = WeChatReplyRenderer.Split(CountingTestBot.LongText, 2048).Count;
        Assert.True(expectedParts >= 3);
        var pushes = (await _api.WaitForDeliveredAsync(FakeWeChatApi.CustomSendPath, expectedParts - 1))
            .Where(r => r.ToUser == openId).ToList();
        Assert.Equal(expectedParts - 1, pushes.Count);
        var all = passive + string.Concat(pushes.Select(p => p.TextContent));
        Assert.Contains("第120条政策说明", all);
        Assert.All(pushes, p => Assert.InRange(Encoding.UTF8.GetByteCount(p.TextContent!), 1, 2048));
        Assert.Equal(CountingTestBot.LongText.Replace("\n", ""), all.Replace("\n", ""));
    }

    [Fact]
    public async Task Flooding_user_is_told_to_slow_down_and_not_processed()
    {
        var openId = WeChatPlatform.NewOpenId();
        for (var i = 0; i < 20; i++) await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "x" + i));
        var over = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, "one too many"));
        Assert.Equal(WeChatTexts.TooFast, WeChatPlatform.PassiveText(await over.Content.ReadAsStringAsync()));
        Assert.Equal(20, await TurnsOf(openId));
        // Another user is unaffected.
        var other = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "hi"));
        Assert.StartsWith("第1次", WeChatPlatform.PassiveText(await other.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Storage_outage_gets_a_polite_reply_not_an_error()
    {
        await using var host = new WeChatTestHost(redis, _api, new Dictionary<string, string?>
        {
            ["Storage:Redis"] = "127.0.0.1:1,connectTimeout=200,asyncTimeout=500,syncTimeout=500",
        });
        var response = await new WeChatPlatform(host.CreateClient()).PostOaPlainAsync(WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "你好"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WeChatTexts.TurnFailed, WeChatPlatform.PassiveText(await response.Content.ReadAsStringAsync()));
    }

    public static TheoryData<string, HttpStatusCode> Attacks() => new()
    {
        { "xxe", HttpStatusCode.BadRequest },
        { "entity-bomb", HttpStatusCode.BadRequest },
        { "malformed", HttpStatusCode.BadRequest },
        { "huge", HttpStatusCode.RequestEntityTooLarge },
        { "huge-chunked", HttpStatusCode.RequestEntityTooLarge },
        { "bad-signature", HttpStatusCode.Unauthorized },
        { "missing-signature", HttpStatusCode.Unauthorized },
        { "stale-timestamp", HttpStatusCode.Unauthorized },
        { "safe-bad-msg-signature", HttpStatusCode.Unauthorized },
        { "unknown-county", HttpStatusCode.NotFound },
        { "token-not-configured", HttpStatusCode.ServiceUnavailable },
    };

    [Fact]
    public async Task A_signed_timestamp_and_nonce_replayed_with_another_body_is_refused_and_nothing_is_stored()
    {
        var victim = WeChatPlatform.NewOpenId();
        var attacker = WeChatPlatform.NewOpenId();
        var ts = WeChatPlatform.Now();
        var nonce = WeChatPlatform.NewNonce();
        var original = WeChatPlatform.TextXml(victim, "你好");
        Assert.Equal(HttpStatusCode.OK, (await _platform.PostOaPlainAsync(original, timestamp: ts, nonce: nonce)).StatusCode);

        // The same signed query string, a different message (another user, another MsgId, another text).
        var forgedMsgId = WeChatPlatform.NewMsgId();
        var forged = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(attacker, "查进度", forgedMsgId), timestamp: ts, nonce: nonce);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        // The victim's own message with a changed text is another message too.
        var tampered = await _platform.PostOaPlainAsync(original.Replace("你好", "删除我的信息"), timestamp: ts, nonce: nonce);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);

        Assert.Equal(0, await TurnsOf(attacker));
        Assert.Equal(1, await TurnsOf(victim));
        Assert.Empty(await KeysMentioning(attacker, forgedMsgId));
    }

    [Fact]
    public async Task A_retry_with_the_same_timestamp_nonce_and_body_is_answered_as_before()
    {
        var openId = WeChatPlatform.NewOpenId();
        var ts = WeChatPlatform.Now();
        var nonce = WeChatPlatform.NewNonce();
        var xml = WeChatPlatform.TextXml(openId, "你好");

        var first = await (await _platform.PostOaPlainAsync(xml, timestamp: ts, nonce: nonce)).Content.ReadAsStringAsync();
        var retry = await _platform.PostOaPlainAsync(xml, timestamp: ts, nonce: nonce);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(WeChatPlatform.PassiveText(first), WeChatPlatform.PassiveText(await retry.Content.ReadAsStringAsync()));
        Assert.Equal(1, await TurnsOf(openId));
    }

    /// <summary>A body without Content-Length (chunked), so the size is only known while reading.</summary>
    private async Task<HttpResponseMessage> PostChunkedAsync(string xml)
    {
        var ts = WeChatPlatform.Now();
        var nonce = WeChatPlatform.NewNonce();
        var sig = WeChatSignature.Compute(TestAccounts.OaToken, ts, nonce);
        var content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(xml)));
        Assert.Null(content.Headers.ContentLength);
        return await _host.CreateClient().PostAsync($"/wechat/xinfeng?signature={sig}&timestamp={ts}&nonce={nonce}", content);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Hostile_or_broken_requests_are_rejected_without_writing_state(string attack, HttpStatusCode expected)
    {
        var openId = WeChatPlatform.NewOpenId();
        var msgId = WeChatPlatform.NewMsgId();
        var valid = WeChatPlatform.TextXml(openId, "hello", msgId);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = attack switch
        {
            "xxe" => await _platform.PostOaPlainAsync(
                $"""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><FromUserName>{openId}</FromUserName><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>{msgId}</MsgId></xml>"""),
            "entity-bomb" => await _platform.PostOaPlainAsync(
                """<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>""" +
                $"<xml><FromUserName>{openId}</FromUserName><MsgType>text</MsgType><Content>&f;</Content><MsgId>{msgId}</MsgId></xml>"),
            "malformed" => await _platform.PostOaPlainAsync(valid[..^10]),
            "huge" => await _platform.PostOaPlainAsync(valid.Replace("hello", new string('a', 5 * 1024 * 1024))),
            "huge-chunked" => await PostChunkedAsync(valid.Replace("hello", new string('a', 200 * 1024))),
            "bad-signature" => await _platform.PostOaPlainAsync(valid, signature: new string('0', 40)),
            "missing-signature" => await _platform.PostAsync($"/wechat/xinfeng?timestamp={WeChatPlatform.Now()}&nonce=1", valid),
            "stale-timestamp" => await _platform.PostOaPlainAsync(valid, timestamp: stale),
            "safe-bad-msg-signature" => await _platform.PostOaSafeAsync(valid, msgSignature: new string('a', 40)),
            "unknown-county" => await _platform.PostOaPlainAsync(valid, county: "nowhere"),
            "token-not-configured" => await _platform.PostOaPlainAsync(valid, county: "yuzhou", token: ""),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain("root:", body);
        Assert.Empty(await KeysMentioning(openId, msgId));
        Assert.Equal(0, await TurnsOf(openId));

        // The service stays healthy and keeps answering real messages.
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/healthz")).StatusCode);
        var next = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "still here"));
        Assert.StartsWith("第1次：still here", WeChatPlatform.PassiveText(await next.Content.ReadAsStringAsync()));
    }
}
