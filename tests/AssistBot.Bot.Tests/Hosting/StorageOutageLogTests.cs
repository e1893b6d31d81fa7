using System.Collections.Concurrent;
using System.Net;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using AssistBot.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.Hosting;

/// <summary>
/// Redis stops while farmers write: every message still gets a polite reply, and the log gets one warning when storage
/// goes and one when it is back (with the count of failed turns) — not a stack trace per message.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class StorageOutageLogTests(SharedRedis sharedRedis)
{
    [Fact]
    public async Task An_outage_logs_one_warning_when_redis_goes_and_one_with_the_count_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        var logs = new CollectingLoggerProvider();
        await using var host = new WeChatTestHost(sharedRedis, settings: new Dictionary<string, string?>
        {
            ["Storage:Redis"] = redis.Configuration,
            ["WeChat:RateLimitMessages"] = "1000",
        }, services: s => s.AddSingleton<ILoggerProvider>(logs));
        var platform = new WeChatPlatform(host.CreateClient());
        var openId = WeChatPlatform.NewOpenId();

        Assert.Contains("第1次", await SendAsync(platform, openId, "你好"));

        await redis.StopAsync();
        const int DuringOutage = 25;
        for (var i = 0; i < DuringOutage; i++)
            Assert.Equal(WeChatTexts.TurnFailed, await SendAsync(platform, openId, $"第{i}条"));
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);

        await redis.StartAgainAsync();
        var failedWhileReconnecting = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await SendAsync(platform, openId, "恢复了吗") == WeChatTexts.TurnFailed)
        {
            failedWhileReconnecting++;
            Assert.True(DateTime.UtcNow < deadline, "the service did not use Redis again within 20 s");
            await Task.Delay(200);
        }

        var outageLines = logs.Entries.Where(e => e.Category == typeof(StorageOutageLog).FullName).ToList();
        Assert.Equal(2, outageLines.Count);
        Assert.All(outageLines, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.All(outageLines, e => Assert.Null(e.Exception));
        Assert.Contains("unreachable", outageLines[0].Message);
        Assert.Contains("reachable again", outageLines[1].Message);
        Assert.Contains($"; {DuringOutage + failedWhileReconnecting} turns failed", outageLines[1].Message);
        // Nothing else about the outage: no stack traces, no per-message errors.
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null && StorageOutageLog.IsOutage(e.Exception));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static async Task<string> SendAsync(WeChatPlatform platform, string openId, string text)
    {
        var response = await platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body == "success" ? "" : WeChatPlatform.PassiveText(body);
    }
}

/// <summary>Keeps every log entry of the host (warning and above, as the test host configures).</summary>
public sealed class CollectingLoggerProvider : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
