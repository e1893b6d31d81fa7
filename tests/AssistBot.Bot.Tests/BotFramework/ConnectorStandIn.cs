using System.Collections.Concurrent;
using System.Text.Json;
using AssistBot.Bot.Conversation.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>
/// A local Bot Connector on loopback (Kestrel), as the Emulator serves one: it accepts
/// <c>POST .../v3/conversations/{id}/activities[/{replyTo}]</c>, records each request and answers <c>{"id"}</c>.
/// </summary>
public sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    private ConnectorStandIn(WebApplication app) => _app = app;

    public sealed record Received(string RawTarget, string? Authorization, Activity Activity);

    public string BaseUrl { get; private set; } = "";

    public int FailNext { get; set; }

    public static async Task<ConnectorStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ConnectorStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    /// <summary>Form fields of each OAuth2 token request (client credentials).</summary>
    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    private async Task HandleAsync(HttpContext http)
    {
        if (http.Request.Path == "/oauth2/token")
        {
            var form = await http.Request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            await http.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3600, access_token = "connector-token-1" });
            return;
        }
        if (FailNext > 0)
        {
            FailNext--;
            http.Response.StatusCode = 503;
            return;
        }
        var activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, ActivityJson.Options);
        var target = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        _received.Enqueue(new Received(target, http.Request.Headers.Authorization, activity!));
        _arrivals.Release();
        await http.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>Waits for <paramref name="count"/> requests in total and returns them in arrival order.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrivals.WaitAsync(left))
                throw new TimeoutException($"The connector received {_received.Count} of {count} replies.");
        }
        return _received.ToArray();
    }

    public IReadOnlyList<Received> ReceivedSoFar => _received.ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
