using System.Net;

namespace AssistBot.Bot.Tests.BotFramework;

public sealed class WebChatPageTests : IAsyncLifetime
{
    private readonly BotFrameworkHost _host = new();
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _host.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("xinfeng", "信丰县")]
    [InlineData("yuzhou", "禹州市")]
    public async Task The_page_is_titled_with_the_county_and_talks_to_its_direct_line(string county, string name)
    {
        var response = await _client.GetAsync($"/chat/{county}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<title>{name}乡村振兴政策助手</title>", html);
        Assert.Contains($"data-county=\"{county}\"", html);
        Assert.Contains("name=\"viewport\"", html);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.DoesNotContain("{{", html);
    }

    [Fact]
    public async Task Its_script_and_styles_are_served_without_a_cdn()
    {
        var script = await _client.GetAsync("/chat/assets/chat.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/v3/directline", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/chat/assets/chat.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/chat/assets/other.js")).StatusCode);
        var html = await _client.GetStringAsync("/chat/xinfeng");
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task An_unknown_county_is_a_polite_404()
    {
        var response = await _client.GetAsync("/chat/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有找到", await response.Content.ReadAsStringAsync());
    }
}
