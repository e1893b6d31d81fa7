using AssistBot.Bot.Tests.BotFramework;

namespace AssistBot.Bot.Tests.Privacy;

/// <summary>Web chat: the stored echo of the user's message and what the bot sees carry the masked numbers only.</summary>
public sealed class DirectLineMaskTests : IAsyncLifetime
{
    private BotFrameworkHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new BotFrameworkHost();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_echo_and_the_bots_view_of_a_web_chat_message_are_masked()
    {
        var client = new DirectLineClient(_host.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        var (_, watermark) = await client.ReadAsync(conversationId, token);

        await client.PostAsync(conversationId, token, DirectLineClient.Message("我身份证360722199001010016，手机：13979712345"));

        var (activities, _) = await client.ReadAsync(conversationId, token, watermark);
        var texts = activities.Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal("我身份证360722********0016，手机：139****2345", texts[0]); // the stored echo
        Assert.Contains("信丰县收到：我身份证360722********0016，手机：139****2345", texts); // the bot's view
        Assert.DoesNotContain(texts, t => t!.Contains("13979712345") || t.Contains("19900101"));
    }
}
