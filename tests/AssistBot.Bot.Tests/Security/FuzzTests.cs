using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssistBot.Bot.Tests.BotFramework;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using AssistBot.Bot.WeChat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AssistBot.Bot.Tests.Security;

/// <summary>
/// Issue 17: random mutations (fixed seed) of valid WeChat XML (plain and safe mode, signed so they pass the signature
/// check), WeCom callbacks, Activity JSON and Direct Line requests, against the real service and bot on Redis. Every
/// answer is 2xx or 4xx, refused requests store nothing, nothing is logged as an error, and the service is healthy
/// afterwards. <c>ASSISTBOT_FUZZ_ITERATIONS</c> (default 300) sets how many requests; <c>ASSISTBOT_FUZZ_SEED</c> the seed.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class FuzzTests(SharedRedis redis, ITestOutputHelper output)
{
    private static readonly string[] Insertions =
    [
        "<", ">", "&", "&amp;", "\"", "'", "\0", "\u0001", "]]>", "<![CDATA[", "<x>", "</xml>", "{", "}", "[", "]", ":", ",", "null", "true",
        "99999999999999", "-1", "NaN", "1e400", "-Infinity", "0", "9223372036854775808", "\uFFFD", "中", "𠀀", "\\u0000", "\\", "%00", "\r\n",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", new string('A', 3000), "\"channelId\":\"wecom\"", "\"deliveryMode\":\"expectReplies\"",
    ];

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("ASSISTBOT_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 300;

    private static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("ASSISTBOT_FUZZ_SEED"), out var s) ? s : 17017;

    [Fact]
    public async Task Mutated_requests_get_2xx_or_4xx_store_nothing_when_refused_and_leave_the_service_healthy()
    {
        var logs = new CapturedLogs();
        await using var host = new WeChatTestHost(redis, useTestBot: false, settings: new Dictionary<string, string?>
        {
            ["Reminders:Enabled"] = "false",
            ["Storage:DataDirectory"] = Directory.CreateTempSubdirectory("assistbot-fuzz-").FullName,
        }, services: s =>
        {
            RecordingStorage.Install(s);
            s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddressStartupFilter>();
            s.AddSingleton<ILoggerProvider>(logs);
        });
        var http = host.CreateClient();
        var storage = host.Services.GetRequiredService<RecordingStorage>();
        var random = new Random(Seed);
        var dl = new DirectLineClient(http);
        var (conversationId, dlToken, _) = await dl.StartConversationAsync();

        var failures = new List<string>();
        var refused = new List<string>();
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var tag = "fuzz-" + i.ToString(CultureInfo.InvariantCulture);
            var (kind, request) = (i % 6) switch
            {
                0 => ("wechat-plain", WeChatPlain(random)),
                1 => ("wechat-safe", WeChatSafe(random)),
                2 => ("wecom", WeCom(random)),
                3 => ("activity", ActivityJson(random)),
                4 => ("directline-post", DirectLinePost(random, conversationId, dlToken)),
                _ => ("directline-token", DirectLineToken(random, conversationId, dlToken)),
            };
            request.Headers.Add(RecordingStorage.Header, tag);
            var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            counts[$"{kind} {status}"] = counts.GetValueOrDefault($"{kind} {status}") + 1;
            if (status >= 500) failures.Add($"{tag} {kind} → {status}: {await response.Content.ReadAsStringAsync()}");
            else if (status >= 400) refused.Add(tag);
        }
        await Task.Delay(500); // background turns of accepted activities finish their writes

        foreach (var line in counts.OrderBy(c => c.Key)) output.WriteLine($"{line.Key}: {line.Value}");
        Assert.Empty(failures);
        Assert.All(refused, tag => Assert.Empty(storage.WritesOf(tag)));
        Assert.True(refused.Count > Iterations / 10, $"only {refused.Count} refused: the mutations are too weak");
        Assert.True(refused.Count < Iterations * 9 / 10, $"{refused.Count} refused: the mutations never pass the checks");
        Assert.Empty(logs.ErrorsAndStackTraces.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dl.PostAsync(conversationId, dlToken, DirectLineClient.Message("你好"))).StatusCode);
    }

    private static string Mutate(Random random, string text)
    {
        var operations = random.Next(1, 4);
        for (var o = 0; o < operations; o++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            text = random.Next(6) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at)),
                1 => text.Insert(at, Insertions[random.Next(Insertions.Length)]),
                2 => text[..at],
                3 => text.Insert(at, text.Substring(at, Math.Min(random.Next(1, 40), text.Length - at))),
                4 => ReplaceNumber(random, text),
                _ => text.Insert(at, ((char)random.Next(0, 0x3000)).ToString()),
            };
        }
        return text;
    }

    private static string ReplaceNumber(Random random, string text)
    {
        var start = text.IndexOfAny("0123456789".ToCharArray(), text.Length == 0 ? 0 : random.Next(text.Length));
        if (start < 0) return text;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        string[] numbers = ["99999999999999", "-1", "0", "1e400", "NaN", "18446744073709551616", "00000000000000000001"];
        return string.Concat(text.AsSpan(0, start), numbers[random.Next(numbers.Length)], text.AsSpan(end));
    }

    private static string OpenId(Random random) => "ofuzz" + random.Next(0, 8).ToString(CultureInfo.InvariantCulture);

    private static string InnerXml(Random random, string to)
    {
        var from = OpenId(random);
        var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var msgId = random.NextInt64(1_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        string[] bodies =
        [
            $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{(random.Next(2) == 0 ? "低保怎么申请" : "我要申报")}]]></Content><MsgId>{msgId}</MsgId>",
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>",
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_123]]></EventKey>",
            "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[MENU_STATUS]]></EventKey>",
            $"<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[m1]]></MediaId><Recognition><![CDATA[查进度。]]></Recognition><MsgId>{msgId}</MsgId>",
            $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[3]]></Content><MsgId>{msgId}</MsgId><AgentID>{TestAccounts.AgentId}</AgentID>",
        ];
        return $"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{time}</CreateTime>" +
               bodies[random.Next(bodies.Length)] + "</xml>";
    }

    private static (string Timestamp, string Nonce) Stamp(Random random) =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            random.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));

    private static HttpRequestMessage Xml(string url, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    /// <summary>Plain mode: the signature covers token, timestamp and nonce only, so every mutated body passes it.</summary>
    private static HttpRequestMessage WeChatPlain(Random random)
    {
        var (ts, nonce) = Stamp(random);
        var xml = Mutate(random, InnerXml(random, TestAccounts.OaOriginalId));
        return Xml($"/wechat/xinfeng?signature={WeChatSignature.Compute(TestAccounts.OaToken, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid=x", xml);
    }

    /// <summary>Safe mode: the mutated message is encrypted and signed (passes), or the envelope is mutated (mostly refused).</summary>
    private static HttpRequestMessage WeChatSafe(Random random)
    {
        var (ts, nonce) = Stamp(random);
        using var crypt = new WXBizMsgCrypt(TestAccounts.OaAesKey, TestAccounts.OaAppId);
        var encrypt = crypt.Encrypt(Mutate(random, InnerXml(random, TestAccounts.OaOriginalId)));
        var envelope = $"<xml><ToUserName><![CDATA[{TestAccounts.OaOriginalId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        if (random.Next(4) == 0) envelope = Mutate(random, envelope);
        var signature = WeChatSignature.Compute(TestAccounts.OaToken, ts, nonce);
        var msgSignature = WeChatSignature.Compute(TestAccounts.OaToken, ts, nonce, encrypt);
        return Xml($"/wechat/xinfeng?signature={signature}&timestamp={ts}&nonce={nonce}&openid=x&encrypt_type=aes&msg_signature={msgSignature}", envelope);
    }

    private static HttpRequestMessage WeCom(Random random)
    {
        var (ts, nonce) = Stamp(random);
        using var crypt = new WXBizMsgCrypt(TestAccounts.WeComAesKey, TestAccounts.CorpId);
        var encrypt = crypt.Encrypt(Mutate(random, InnerXml(random, TestAccounts.CorpId)));
        var envelope = $"<xml><ToUserName><![CDATA[{TestAccounts.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt>" +
                       $"<AgentID><![CDATA[{TestAccounts.AgentId}]]></AgentID></xml>";
        if (random.Next(4) == 0) envelope = Mutate(random, envelope);
        return Xml($"/wecom/xinfeng?msg_signature={WeChatSignature.Compute(TestAccounts.WeComToken, ts, nonce, encrypt)}&timestamp={ts}&nonce={nonce}", envelope);
    }

    private static string ValidActivity(Random random)
    {
        var conversation = "fuzz-conv-" + random.Next(0, 20).ToString(CultureInfo.InvariantCulture);
        object[] activities =
        [
            new { type = "message", id = "a1", channelId = "emulator", deliveryMode = "expectReplies", serviceUrl = "http://127.0.0.1:9/",
                from = new { id = "u1", name = "用户" }, recipient = new { id = "bot" }, conversation = new { id = conversation }, text = "低保怎么申请",
                locale = "zh-CN", timestamp = "2026-11-22T08:00:00.000Z" },
            new { type = "conversationUpdate", id = "a2", channelId = "emulator", deliveryMode = "expectReplies", serviceUrl = "http://127.0.0.1:9/",
                from = new { id = "u1" }, recipient = new { id = "bot" }, conversation = new { id = conversation },
                membersAdded = new[] { new { id = "u1" }, new { id = "bot" } } },
            new { type = "message", id = "a3", channelId = "emulator", serviceUrl = "http://127.0.0.1:9/", from = new { id = "u2" },
                recipient = new { id = "bot" }, conversation = new { id = conversation }, text = "2", value = new { n = 1.5 } },
            new { type = "event", name = "menuClick", id = "a4", channelId = "emulator", deliveryMode = "expectReplies", from = new { id = "u3" },
                conversation = new { id = conversation }, value = "MENU_STATUS" },
        ];
        return JsonSerializer.Serialize(activities[random.Next(activities.Length)]);
    }

    private static HttpRequestMessage ActivityJson(Random random) =>
        new(HttpMethod.Post, "/api/messages/xinfeng")
        {
            Content = new StringContent(Mutate(random, ValidActivity(random)), Encoding.UTF8, "application/json"),
        };

    private static HttpRequestMessage DirectLinePost(Random random, string conversationId, string token)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "message", from = new { id = "someone-else", name = "访客" }, text = random.Next(2) == 0 ? "我要申报" : "1",
            channelData = new { clientActivityID = "c" + random.Next() }, locale = "zh-CN", channelId = "webchat",
        });
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"/directline/xinfeng/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/activities")
        {
            Content = new StringContent(Mutate(random, body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Mutated tokens, conversation ids and watermarks on the reading endpoints.</summary>
    private static HttpRequestMessage DirectLineToken(Random random, string conversationId, string token)
    {
        var mutateToken = random.Next(3) != 0;
        var id = Uri.EscapeDataString(random.Next(4) == 0 ? Mutate(random, conversationId) : conversationId);
        var watermark = Uri.EscapeDataString(random.Next(3) == 0 ? Mutate(random, "12") : "");
        var used = mutateToken ? Mutate(random, token) : token;
        var basePath = "/directline/xinfeng/v3/directline";
        var request = random.Next(5) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Get, $"{basePath}/conversations/{id}/stream?t={Uri.EscapeDataString(used)}&watermark={watermark}"),
            1 => new HttpRequestMessage(HttpMethod.Get, $"{basePath}/conversations/{id}?watermark={watermark}"),
            2 => new HttpRequestMessage(HttpMethod.Post, $"{basePath}/conversations"),
            _ => new HttpRequestMessage(HttpMethod.Get, $"{basePath}/conversations/{id}/activities?watermark={watermark}"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + used);
        return request;
    }
}
