using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistBot.Bot.Conversation;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.BotFramework;

public sealed class DirectLineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private BotFrameworkHost _host = null!;
    private DirectLineClient _client = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _host = new BotFrameworkHost(time: _time);
        _http = _host.CreateClient();
        _client = new DirectLineClient(_http);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Starting_a_conversation_gives_a_token_and_the_welcome_menu()
    {
        var response = await _client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = body.GetProperty("conversationId").GetString()!;
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal(1800, body.GetProperty("expires_in").GetInt32());

        var (activities, watermark) = await _client.ReadAsync(conversationId, token);
        var welcome = Assert.Single(activities);
        Assert.Equal("欢迎使用信丰县政策助手", welcome.GetProperty("text").GetString());
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(conversationId + "|0000001", welcome.GetProperty("id").GetString());
        Assert.Equal(TestBot.Menu, welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("1", watermark);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_with_its_id_and_clientActivityID_then_answered()
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        var (_, watermark) = await _client.ReadAsync(conversationId, token);

        var post = await _client.PostAsync(conversationId, token, DirectLineClient.Message("雨露计划补助多少", "cid-77"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var postedId = (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var (activities, next) = await _client.ReadAsync(conversationId, token, watermark);
        Assert.Equal(2, activities.Count);
        var echo = activities[0];
        Assert.Equal(postedId, echo.GetProperty("id").GetString());
        Assert.Equal("cid-77", echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString()); // the token's user, not the client's claim
        Assert.Equal("directline", echo.GetProperty("channelId").GetString()); // the service names the channel, as Azure does

        var reply = activities[1];
        Assert.Equal("信丰县收到：雨露计划补助多少", reply.GetProperty("text").GetString());
        Assert.Equal(postedId, reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(echo.GetProperty("from").GetProperty("id").GetString(), reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("3", next);

        var (none, same) = await _client.ReadAsync(conversationId, token, next);
        Assert.Empty(none);
        Assert.Equal("3", same);
    }

    [Fact]
    public async Task Replies_sent_in_one_turn_arrive_in_order()
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        await _client.PostAsync(conversationId, token, DirectLineClient.Message("两条"));
        var (activities, _) = await _client.ReadAsync(conversationId, token, "1");
        Assert.Equal(["两条", "第一条", "第二条"], activities.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task One_conversations_token_cannot_read_or_write_another()
    {
        var (first, firstToken, _) = await _client.StartConversationAsync();
        var (_, secondToken, _) = await _client.StartConversationAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await _client.GetAsync(first, secondToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.PostAsync(first, secondToken, DirectLineClient.Message("hi"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(first, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(first, firstToken + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(first, "undefined")).StatusCode);
        var tampered = firstToken.Split('.');
        tampered[1] = tampered[1][..^2] + (tampered[1][^2..] == "AA" ? "AB" : "AA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.GetAsync(first, string.Join('.', tampered))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(first, firstToken)).StatusCode);

        // A token of the same conversation id but another county's endpoint is refused too.
        var yuzhou = new DirectLineClient(_http, "yuzhou");
        Assert.Equal(HttpStatusCode.Forbidden, (await yuzhou.GetAsync(first, firstToken)).StatusCode);
    }

    [Fact]
    public async Task Tokens_expire_and_a_refreshed_token_keeps_the_conversation()
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        _time.Advance(TimeSpan.FromMinutes(20));
        var refresh = await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(conversationId, refreshed.GetProperty("conversationId").GetString());
        var newToken = refreshed.GetProperty("token").GetString()!;

        _time.Advance(TimeSpan.FromMinutes(15)); // the first token is now 35 minutes old
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.GetAsync(conversationId, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.SendAsync(HttpMethod.Post, "/tokens/refresh", token)).StatusCode);
        var (activities, _) = await _client.ReadAsync(conversationId, newToken);
        Assert.Single(activities);
    }

    [Fact]
    public async Task A_generated_token_starts_its_own_conversation()
    {
        var generated = await (await _client.SendAsync(HttpMethod.Post, "/tokens/generate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = generated.GetProperty("conversationId").GetString()!;
        var token = generated.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(conversationId, token)).StatusCode);

        var start = await _client.StartAsync(token);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(conversationId, (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString());
        var (activities, _) = await _client.ReadAsync(conversationId, token);
        Assert.Equal("欢迎使用信丰县政策助手", Assert.Single(activities).GetProperty("text").GetString());

        // Starting again with the same token resumes; no second welcome.
        Assert.Equal(HttpStatusCode.OK, (await _client.StartAsync(token)).StatusCode);
        Assert.Single((await _client.ReadAsync(conversationId, token)).Activities);
    }

    [Fact]
    public async Task Reconnect_gives_a_fresh_token_for_the_same_conversation()
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        var response = await _client.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(conversationId, body.GetProperty("conversationId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(conversationId, body.GetProperty("token").GetString())).StatusCode);
    }

    [Fact]
    public async Task A_failing_bot_answers_with_the_engines_apology()
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(conversationId, token, DirectLineClient.Message("出错"))).StatusCode);
        var (activities, _) = await _client.ReadAsync(conversationId, token, "1");
        Assert.Equal(["出错", EngineTexts.Apology], activities.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_bot_error_nobody_handled_is_502_and_the_users_message_is_still_there()
    {
        await using var host = new BotFrameworkHost(configure: b => b.ConfigureTestServices(s => s.AddSingleton(new BufferingBotAdapter())));
        var client = new DirectLineClient(host.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        var response = await client.PostAsync(conversationId, token, DirectLineClient.Message("出错"));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var (activities, _) = await client.ReadAsync(conversationId, token, "1");
        Assert.Equal("出错", Assert.Single(activities).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task A_bad_watermark_is_400(string watermark)
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(conversationId, token, watermark)).StatusCode);
    }

    [Fact]
    public async Task A_bad_activity_is_400()
    {
        var (conversationId, token, _) = await _client.StartConversationAsync();
        var response = await _client.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, new { text = "no type" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_county_is_404()
    {
        var response = await new DirectLineClient(_http, "atlantis").StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Browsers_may_call_it_from_another_origin()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/directline/xinfeng/v3/directline/conversations");
        request.Headers.Add("Origin", "https://www.xinfeng.gov.cn");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }
}
