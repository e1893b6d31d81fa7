using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.BotFramework;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly BotFrameworkHost _host = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static object EmulatorMessage(string text, string serviceUrl, string conversationId = "conv-1", string? deliveryMode = null) => new
    {
        type = "message",
        id = "act-42",
        channelId = "emulator",
        serviceUrl,
        deliveryMode,
        timestamp = "2026-11-22T08:00:00.000Z",
        from = new { id = "user-1", name = "User" },
        recipient = new { id = "bot-1", name = "Bot", role = "bot" },
        conversation = new { id = conversationId },
        locale = "zh-CN",
        text,
        channelData = new { clientActivityID = "c-1" },
        someFutureField = new { kept = true },
    };

    [Fact]
    public async Task ExpectReplies_returns_the_turns_replies_in_the_response()
    {
        var response = await _client.PostAsJsonAsync("/api/messages/yuzhou",
            EmulatorMessage("低保怎么申请", "http://127.0.0.1:9/unused", deliveryMode: "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(json);
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("禹州市收到：低保怎么申请", reply.GetProperty("text").GetString());
        Assert.Equal("act-42", reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot-1", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("user-1", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("user", reply.GetProperty("recipient").GetProperty("role").GetString());
        Assert.Equal("conv-1", reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("emulator", reply.GetProperty("channelId").GetString());
        Assert.Equal("expectingInput", reply.GetProperty("inputHint").GetString());
        var actions = reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(TestBot.Menu, actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.Equal("政策咨询", actions[0].GetProperty("value").GetString());
        // Nulls are omitted, as the SDK serializes.
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_route_uses_the_default_county()
    {
        var response = await _client.PostAsJsonAsync("/api/messages",
            EmulatorMessage("你好", "http://127.0.0.1:9/", deliveryMode: "expectReplies"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("信丰县收到：你好", body.GetProperty("activities")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Without_expectReplies_the_request_is_answered_at_once_and_replies_go_to_the_serviceUrl()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        // A serviceUrl with a path (as the Emulator and Azure channels use) and a conversation id needing escapes.
        var serviceUrl = connector.BaseUrl + "/emulator/abc";
        // Warm the endpoint first (another conversation), so the clock measures the answer, not the first request's JIT
        // on a busy 2-core machine.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages/xinfeng",
            EmulatorMessage("你好", "http://127.0.0.1:9/", conversationId: "warm-up", deliveryMode: "expectReplies"))).StatusCode);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await _client.PostAsJsonAsync("/api/messages/xinfeng",
            EmulatorMessage("慢", serviceUrl, conversationId: "a|b;c:d"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        // "慢" takes the test bot 2 s: the HTTP answer did not wait for the turn.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1.5), $"answered after {started.Elapsed}");
        Assert.True(connector.ReceivedSoFar.Count < 2);

        var received = await connector.WaitForAsync(2);
        Assert.Equal(["请稍等", "查好了"], received.Select(r => r.Activity.Text));
        Assert.All(received, r =>
        {
            Assert.Equal("/emulator/abc/v3/conversations/a%7Cb%3Bc%3Ad/activities/act-42", r.RawTarget);
            Assert.Null(r.Authorization);
            Assert.Equal("act-42", r.Activity.ReplyToId);
            Assert.Equal("bot-1", r.Activity.From!.Id);
            Assert.Equal("bot", r.Activity.From.Role);
            Assert.Equal("user-1", r.Activity.Recipient!.Id);
            Assert.Equal("a|b;c:d", r.Activity.Conversation!.Id);
            Assert.Equal("acceptingInput", r.Activity.InputHint);
        });
    }

    [Fact]
    public async Task ConversationUpdate_with_the_user_added_gets_the_welcome_menu_at_the_serviceUrl()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        var update = new
        {
            type = "conversationUpdate",
            id = "upd-1",
            channelId = "emulator",
            serviceUrl = connector.BaseUrl,
            conversation = new { id = "conv-9" },
            recipient = new { id = "bot-1", name = "Bot" },
            from = new { id = "user-9", name = "User" },
            membersAdded = new[] { new { id = "user-9", name = "User" }, new { id = "bot-1", name = "Bot" } },
        };
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsJsonAsync("/api/messages/xinfeng", update)).StatusCode);

        var welcome = Assert.Single(await connector.WaitForAsync(1)).Activity;
        Assert.Equal("欢迎使用信丰县政策助手", welcome.Text);
        Assert.Equal(TestBot.Menu, welcome.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("user-9", welcome.Recipient!.Id);
    }

    [Fact]
    public async Task A_transient_connector_failure_is_retried()
    {
        await using var connector = await ConnectorStandIn.StartAsync();
        connector.FailNext = 1;
        await _client.PostAsJsonAsync("/api/messages/xinfeng", EmulatorMessage("你好", connector.BaseUrl));
        var received = Assert.Single(await connector.WaitForAsync(1));
        Assert.Equal("信丰县收到：你好", received.Activity.Text);
        Assert.Equal("/v3/conversations/conv-1/activities/act-42", received.RawTarget);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{\"type\":", "not a valid Activity")]
    [InlineData("[1,2]", "must be an Activity object")]
    [InlineData("{\"text\":\"hi\"}", "no 'type'")]
    [InlineData("{\"type\":\"\"}", "no 'type'")]
    public async Task Bad_bodies_are_400_with_an_error_response(string body, string expected)
    {
        var response = await _client.PostAsync("/api/messages/xinfeng", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("BadArgument", error.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(expected, error.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Without_expectReplies_a_serviceUrl_is_required()
    {
        var response = await _client.PostAsJsonAsync("/api/messages/xinfeng", new { type = "message", text = "hi", conversation = new { id = "c" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_county_is_404()
    {
        var response = await _client.PostAsJsonAsync("/api/messages/atlantis",
            EmulatorMessage("hi", "http://127.0.0.1:9/", deliveryMode: "expectReplies"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_failing_bot_gets_the_engines_apology()
    {
        var response = await _client.PostAsJsonAsync("/api/messages/xinfeng",
            EmulatorMessage("出错", "http://127.0.0.1:9/", deliveryMode: "expectReplies"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(EngineTexts.Apology, body.GetProperty("activities")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_bot_error_nobody_handled_is_502_without_a_stack_trace()
    {
        // An adapter without OnTurnError lets the exception reach the endpoint.
        await using var host = new BotFrameworkHost(configure: b => b.ConfigureTestServices(s => s.AddSingleton(new BufferingBotAdapter())));
        var response = await host.CreateClient().PostAsJsonAsync("/api/messages/xinfeng",
            EmulatorMessage("出错", "http://127.0.0.1:9/", deliveryMode: "expectReplies"));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public async Task Get_is_not_allowed()
    {
        var response = await _client.GetAsync("/api/messages/xinfeng");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
