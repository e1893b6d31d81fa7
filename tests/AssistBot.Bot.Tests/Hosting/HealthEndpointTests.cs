using System.Net;
using System.Text.Json;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_reports_embedded_storage_and_both_counties()
    {
        await using var factory = new AssistBotFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("embedded", body.RootElement.GetProperty("storage").GetProperty("backend").GetString());
        Assert.Equal(["xinfeng", "yuzhou"], body.RootElement.GetProperty("counties").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Embedded_data_survives_a_restart_of_the_service()
    {
        string dataDirectory;
        await using (var first = new AssistBotFactory())
        {
            dataDirectory = first.DataDirectory;
            var storage = first.Services.GetRequiredService<IStorage>();
            await storage.WriteAsync("households/H001", new Dictionary<string, string> { ["name"] = "王五" }, WriteCondition.Always);
        }

        await using var second = new AssistBotFactory(dataDirectory: dataDirectory);
        var item = await second.Services.GetRequiredService<IStorage>().ReadAsync<Dictionary<string, string>>("households/H001");

        Assert.Equal("王五", item!.Value["name"]);
    }

    [Fact]
    public async Task Healthz_is_503_while_redis_is_down_and_recovers_without_a_restart()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var factory = new AssistBotFactory(new Dictionary<string, string?> { ["Storage:Redis"] = redis.Configuration });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        await redis.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WaitForStatus(client, HttpStatusCode.ServiceUnavailable));

        await redis.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, await WaitForStatus(client, HttpStatusCode.OK));
    }

    [Fact]
    public async Task Liveness_stays_up_while_readiness_follows_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var factory = new AssistBotFactory(new Dictionary<string, string?> { ["Storage:Redis"] = redis.Configuration });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await redis.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await WaitForStatus(client, HttpStatusCode.ServiceUnavailable, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await redis.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, await WaitForStatus(client, HttpStatusCode.OK, "/health/ready"));
    }

    [Fact]
    public async Task Service_starts_while_redis_is_unreachable_and_says_so()
    {
        await using var redis = await RedisServer.StartAsync();
        await redis.StopAsync();
        await using var factory = new AssistBotFactory(new Dictionary<string, string?> { ["Storage:Redis"] = redis.Configuration });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"reachable\":false", await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> WaitForStatus(HttpClient client, HttpStatusCode wanted, string path = "/healthz")
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode last;
        do
        {
            last = (await client.GetAsync(path)).StatusCode;
            if (last == wanted) return last;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);
        return last;
    }
}
