using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AssistBot.Bot.BotFramework.DirectLine;
using AssistBot.Bot.Tests.BotFramework;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Security;

/// <summary>Issue 17, finding 7: refreshing a Direct Line token retires the old one.</summary>
public sealed class DirectLineTokenRetirementTests
{
    [Fact]
    public async Task After_a_refresh_the_old_token_stops_working_and_the_new_one_works()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new BotFrameworkHost(time: time);
        var client = new DirectLineClient(host.CreateClient());
        var (conversationId, oldToken, _) = await client.StartConversationAsync();

        var refreshed = await client.SendAsync(HttpMethod.Post, "/tokens/refresh", oldToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var newToken = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.NotEqual(oldToken, newToken);

        // Requests already on their way with the old token still land for a few seconds.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(conversationId, oldToken)).StatusCode);
        // The old token cannot be refreshed a second time (that would fork the conversation's tokens).
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/tokens/refresh", oldToken)).StatusCode);

        time.Advance(DirectLineConversationStore.RetiredTokenGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(conversationId, oldToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync(conversationId, oldToken, DirectLineClient.Message("你好"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"/conversations/{Uri.EscapeDataString(conversationId)}", oldToken)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(conversationId, newToken, DirectLineClient.Message("你好"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(conversationId, newToken)).StatusCode);
        // Reconnecting (page reload) hands out a token of the current generation, which keeps working.
        var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{Uri.EscapeDataString(conversationId)}", newToken);
        var reconnectToken = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(conversationId, reconnectToken)).StatusCode);
    }
}
