using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>Two service instances on one Redis serve the same Direct Line conversation.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class DirectLineScaleOutTests(SharedRedis redis)
{
    [Fact]
    public async Task A_conversation_started_on_one_instance_continues_on_another()
    {
        await using var first = new BotFrameworkHost(redis: redis.Configuration);
        await using var second = new BotFrameworkHost(redis: redis.Configuration);
        var one = new DirectLineClient(first.CreateClient());
        var two = new DirectLineClient(second.CreateClient());

        var (conversationId, token, _) = await one.StartConversationAsync();
        var (welcome, watermark) = await two.ReadAsync(conversationId, token);
        Assert.Equal("欢迎使用信丰县政策助手", Assert.Single(welcome).GetProperty("text").GetString());

        Assert.True((await two.PostAsync(conversationId, token, DirectLineClient.Message("防返贫监测"))).IsSuccessStatusCode);
        var (activities, _) = await one.ReadAsync(conversationId, token, watermark);
        Assert.Equal(["防返贫监测", "信丰县收到：防返贫监测"], activities.Select(a => a.GetProperty("text").GetString()));
    }
}
