using System.Net.Http.Json;
using System.Text.Json;
using AssistBot.Bot.Dialogs;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>The real router (conversation engine) through the Bot Framework endpoints.</summary>
public sealed class RealRouterTests : IAsyncLifetime
{
    private static readonly string[] MenuLabels =
        [RouterTexts.PolicyLabel, RouterTexts.DeclareLabel, RouterTexts.StatusLabel, RouterTexts.LoanLabel, RouterTexts.HelpLabel];

    private readonly BotFrameworkHost _host = new(useTestBot: false);
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static IEnumerable<string?> Titles(JsonElement activity) =>
        activity.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString());

    [Fact]
    public async Task Direct_Line_welcome_menu_as_buttons_then_a_numbered_choice()
    {
        var client = new DirectLineClient(_http, "yuzhou");
        var (conversationId, token, _) = await client.StartConversationAsync();
        var (opened, watermark) = await client.ReadAsync(conversationId, token);
        var welcome = Assert.Single(opened);
        Assert.Equal(RouterTexts.Welcome("禹州市"), welcome.GetProperty("text").GetString());
        Assert.Equal(MenuLabels, Titles(welcome));

        // Web Chat writes channelId "webchat"; the conversation (and its state) stays the same one.
        await client.PostAsync(conversationId, token, DirectLineClient.Message("1"));
        var (after, _) = await client.ReadAsync(conversationId, token, watermark);
        Assert.Equal(2, after.Count);
        Assert.StartsWith("请直接打字或说出您想问的政策", after[1].GetProperty("text").GetString()); // 1 opened 政策咨询
    }

    [Fact]
    public async Task Emulator_expectReplies_welcome_and_menu_buttons()
    {
        var update = await _http.PostAsJsonAsync("/api/messages/xinfeng", new
        {
            type = "conversationUpdate", id = "u1", channelId = "emulator", deliveryMode = "expectReplies",
            serviceUrl = "http://127.0.0.1:9/", conversation = new { id = "emu-1" },
            recipient = new { id = "bot", name = "Bot" }, from = new { id = "user-1", name = "User" },
            membersAdded = new[] { new { id = "user-1", name = "User" }, new { id = "bot", name = "Bot" } },
        });
        var welcome = (await update.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities")[0];
        Assert.Equal(RouterTexts.Welcome("信丰县"), welcome.GetProperty("text").GetString());
        Assert.Equal(MenuLabels, Titles(welcome));
        Assert.Equal("user-1", welcome.GetProperty("recipient").GetProperty("id").GetString());
    }
}
