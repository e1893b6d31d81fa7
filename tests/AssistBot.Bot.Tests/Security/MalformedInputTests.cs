using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AssistBot.Bot.Tests.BotFramework;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.Security;

/// <summary>Issue 17, finding 4: signed or authenticated input that used to give a 500 and a stack trace.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class MalformedInputTests(SharedRedis redis)
{
    public static TheoryData<string> BadTokens => new()
    {
        "a.b.c", "a.b.", "a..c", "..", ".a.b", "a.b.c.d", "eyJhbGciOiJIUzI1NiJ9.eyJ9.AAAA", "x.y.!!!!", "x.y.=", "a.b." + new string('A', 100),
        "a.b.c\u4e2d", new string('.', 50), "eyJ.eyJ." + Convert.ToBase64String(new byte[32]),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_malformed_Direct_Line_token_is_401_on_every_endpoint_and_logs_no_stack_trace(string token)
    {
        var logs = new CapturedLogs();
        await using var host = new BotFrameworkHost(configure: b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var http = host.CreateClient();
        var (conversationId, _, _) = await new DirectLineClient(http).StartConversationAsync();
        var id = Uri.EscapeDataString(conversationId);
        var basePath = "/directline/xinfeng/v3/directline";

        HttpRequestMessage WithToken(HttpMethod method, string path, object? body = null)
        {
            var request = new HttpRequestMessage(method, basePath + path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            if (body is not null) request.Content = JsonContent.Create(body);
            return request;
        }

        var responses = new List<(string What, HttpStatusCode Status)>();
        async Task Send(string what, HttpRequestMessage request) => responses.Add((what, (await http.SendAsync(request)).StatusCode));
        await Send("refresh", WithToken(HttpMethod.Post, "/tokens/refresh"));
        await Send("reconnect", WithToken(HttpMethod.Get, $"/conversations/{id}"));
        await Send("post", WithToken(HttpMethod.Post, $"/conversations/{id}/activities", DirectLineClient.Message("你好")));
        await Send("get", WithToken(HttpMethod.Get, $"/conversations/{id}/activities"));
        await Send("stream header", WithToken(HttpMethod.Get, $"/conversations/{id}/stream"));
        await Send("stream ?t=", new HttpRequestMessage(HttpMethod.Get, $"{basePath}/conversations/{id}/stream?t={Uri.EscapeDataString(token)}"));

        Assert.All(responses, r => Assert.True(r.Status == HttpStatusCode.Unauthorized, $"{r.What}: {(int)r.Status}"));
        Assert.Empty(logs.ErrorsAndStackTraces);
    }

    private static string Signed(string path, string token, string body, out string url)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        url = $"{path}?signature={AssistBot.Bot.WeChat.WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid=x";
        return body;
    }

    [Theory]
    [InlineData("<CreateTime>99999999999999</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>{id}</MsgId>")]
    [InlineData("<CreateTime>-5</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>{id}</MsgId>")]
    [InlineData("<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>NaN</Latitude><Longitude>1e400</Longitude><Precision>-Infinity</Precision>")]
    [InlineData("<CreateTime>1700000001</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>1e400</Latitude><Longitude>NaN</Longitude><Precision>1e308</Precision>")]
    [InlineData("<CreateTime>99999999999999</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event><Latitude>23.1</Latitude><Longitude>114.9</Longitude><Precision>65</Precision>")]
    public async Task Signed_WeChat_messages_with_out_of_range_values_are_answered_without_an_error(string fields)
    {
        var logs = new CapturedLogs();
        // A reachable WeChat API stand-in: on a loaded machine the turn may outlast the passive-reply budget and the
        // reply then goes out through the API; an unreachable one would log a retry warning that is not this test's point.
        await using var api = await FakeWeChatApi.StartAsync();
        await using var host = new WeChatTestHost(redis, api, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var http = host.CreateClient();
        var openId = WeChatPlatform.NewOpenId();
        var xml = $"<xml><ToUserName><![CDATA[{TestAccounts.OaOriginalId}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
                  fields.Replace("{id}", WeChatPlatform.NewMsgId()) + "</xml>";
        Signed("/wechat/xinfeng", TestAccounts.OaToken, xml, out var url);

        var response = await http.PostAsync(url, new StringContent(xml));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(logs.ErrorsAndStackTraces);
    }
}
