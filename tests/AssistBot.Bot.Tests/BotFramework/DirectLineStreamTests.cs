using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>The WebSocket <c>streamUrl</c>: ActivitySets pushed as they are stored; only for its own conversation.</summary>
public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private readonly BotFrameworkHost _host = new();
    private DirectLineClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new DirectLineClient(_host.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(string ConversationId, string Token, Uri StreamUrl)> StartAsync()
    {
        var body = await (await _client.StartAsync()).Content.ReadFromJsonAsync<JsonElement>();
        var streamUrl = new Uri(body.GetProperty("streamUrl").GetString()!);
        Assert.Equal("ws", streamUrl.Scheme);
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, streamUrl);
    }

    private Task<WebSocket> ConnectAsync(Uri streamUrl) =>
        _host.Server.CreateWebSocketClient().ConnectAsync(new Uri(_host.Server.BaseAddress, streamUrl.PathAndQuery), CancellationToken.None);

    private static async Task<List<JsonElement>> ReceiveActivitiesAsync(WebSocket socket, int count)
    {
        var activities = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (activities.Count < count)
        {
            var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            } while (!result.EndOfMessage);
            if (message.Length == 0) continue; // keep-alive
            using var set = JsonDocument.Parse(message.ToArray());
            Assert.False(string.IsNullOrEmpty(set.RootElement.GetProperty("watermark").GetString()));
            activities.AddRange(set.RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
        }
        return activities;
    }

    [Fact]
    public async Task The_stream_pushes_the_welcome_then_the_echo_and_the_reply()
    {
        var (conversationId, token, streamUrl) = await StartAsync();
        using var socket = await ConnectAsync(streamUrl);

        var welcome = Assert.Single(await ReceiveActivitiesAsync(socket, 1));
        Assert.Equal("欢迎使用信丰县政策助手", welcome.GetProperty("text").GetString());

        await _client.PostAsync(conversationId, token, DirectLineClient.Message("你好", "cid-ws"));
        var pushed = await ReceiveActivitiesAsync(socket, 2);
        Assert.Equal("cid-ws", pushed[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("信丰县收到：你好", pushed[1].GetProperty("text").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Another_conversations_token_cannot_open_the_stream()
    {
        var (first, _, _) = await StartAsync();
        var (_, secondToken, secondStream) = await StartAsync();
        var intruding = new Uri(secondStream.ToString().Replace(Uri.EscapeDataString(SecondId(secondStream)), Uri.EscapeDataString(first)));
        Assert.Contains(Uri.EscapeDataString(secondToken), intruding.Query);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(intruding));
        Assert.Contains("403", refused.Message);
    }

    private static string SecondId(Uri streamUrl)
    {
        var segments = streamUrl.AbsolutePath.Split('/');
        return Uri.UnescapeDataString(segments[^2]);
    }
}
