using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>Raw Direct Line 3.0 calls, as a client makes them, for the protocol tests.</summary>
public sealed class DirectLineClient(HttpClient http, string county = "xinfeng")
{
    private string Base => $"/directline/{county}/v3/directline";

    public Task<HttpResponseMessage> StartAsync(string? token = null) => SendAsync(HttpMethod.Post, "/conversations", token, new { user = new { } });

    public async Task<(string ConversationId, string Token, int ExpiresIn)> StartConversationAsync()
    {
        var response = await StartAsync();
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!,
            body.GetProperty("expires_in").GetInt32());
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string? token, object activity) =>
        SendAsync(HttpMethod.Post, $"/conversations/{Uri.EscapeDataString(conversationId)}/activities", token, activity);

    public Task<HttpResponseMessage> GetAsync(string conversationId, string? token, string? watermark = "") =>
        SendAsync(HttpMethod.Get, $"/conversations/{Uri.EscapeDataString(conversationId)}/activities" +
                                  (watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark)), token);

    public async Task<(List<JsonElement> Activities, string Watermark)> ReadAsync(string conversationId, string token, string watermark = "")
    {
        var response = await GetAsync(conversationId, token, watermark);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("activities").EnumerateArray().ToList(), body.GetProperty("watermark").GetString()!);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, Base + path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return http.SendAsync(request);
    }

    public static object Message(string text, string clientActivityId = "cid-1") => new
    {
        type = "message",
        text,
        channelId = "webchat",
        locale = "zh-CN",
        from = new { id = "someone-else", name = "访客", role = "user" },
        channelData = new { clientActivityID = clientActivityId },
    };
}
