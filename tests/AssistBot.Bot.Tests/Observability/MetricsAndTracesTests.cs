using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Bot.Tests.WeChat;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Observability;

/// <summary>
/// What an operator's monitoring sees: Prometheus counters moving as WeChat messages (and a platform retry) arrive,
/// and an OTLP collector receiving the trace of one WeChat turn with its Redis storage spans.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class MetricsAndTracesTests(SharedRedis redis)
{
    [Fact]
    public async Task Metrics_are_off_unless_switched_on()
    {
        await using var host = new WeChatTestHost(redis);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Prometheus_counters_move_with_messages_retries_and_replies()
    {
        await using var host = new WeChatTestHost(redis, settings: new Dictionary<string, string?> { ["Observability:Prometheus"] = "true" });
        var client = host.CreateClient();
        var platform = new WeChatPlatform(client);
        var before = await ScrapeAsync(client);

        var xml = WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "你好", WeChatPlatform.NewMsgId());
        Assert.Equal(HttpStatusCode.OK, (await platform.PostOaPlainAsync(xml)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.PostOaPlainAsync(xml)).StatusCode); // WeChat's retry
        Assert.Equal(HttpStatusCode.OK, (await platform.PostOaPlainAsync(
            WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "小额信贷", WeChatPlatform.NewMsgId()))).StatusCode);

        var after = await ScrapeAsync(client);
        Assert.True(Value(after, "assistbot_messages_in_total", "channel=\"wechat\"", "county=\"xinfeng\"") -
                    Value(before, "assistbot_messages_in_total", "channel=\"wechat\"", "county=\"xinfeng\"") >= 2,
            string.Join("\n", after.Split('\n').Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal))));
        Assert.True(Value(after, "assistbot_retries_dropped_total", "channel=\"wechat\"") -
                    Value(before, "assistbot_retries_dropped_total", "channel=\"wechat\"") >= 1);
        Assert.True(Value(after, "assistbot_replies_total", "kind=\"passive\"") - Value(before, "assistbot_replies_total", "kind=\"passive\"") >= 2);
        Assert.Contains("assistbot_turn_duration_seconds_bucket", after);
        Assert.Contains("assistbot_storage_up", after);
        // Labels never carry who wrote.
        Assert.DoesNotContain("openid", after, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Policy_outcomes_and_declaration_steps_are_counted_per_county_without_personal_labels()
    {
        await using var host = new WeChatTestHost(redis, settings: new Dictionary<string, string?>
        {
            ["Observability:Prometheus"] = "true",
            ["WeChat:RateLimitMessages"] = "1000",
        }, useTestBot: false);
        var client = host.CreateClient();
        var platform = new WeChatPlatform(client);
        var before = await ScrapeAsync(client);

        var farmer = WeChatPlatform.NewOpenId();
        foreach (var question in new[] { "小额信贷能贷多少钱", "雨露计划补助多少钱" })
            Assert.Equal(HttpStatusCode.OK, (await platform.PostOaPlainAsync(WeChatPlatform.TextXml(farmer, question))).StatusCode);
        var services = host.Services;
        var store = services.GetRequiredService<AssistBot.Bot.Cases.DeclarationStore>();
        var rules = services.GetRequiredService<AssistBot.Bot.Cases.CountyCaseData>().Get("xinfeng").Rules;
        var submitted = (await store.SubmitAsync("xinfeng", "wechat", farmer, AssistBot.Bot.Tests.Cases.CaseWorld.Submission(
            AssistBot.Bot.Tests.Cases.TestIds.Valid()), rules)).Declaration;
        await store.TransitionAsync("xinfeng", submitted.Id, d => AssistBot.Bot.Cases.DeclarationWorkflow.Apply(d,
            new AssistBot.Bot.Cases.CadreAction(AssistBot.Bot.Cases.DeclarationAction.Accept), "wecom:test", DateTimeOffset.UtcNow, rules));

        var after = await ScrapeAsync(client);
        double Moved(string metric, params string[] labels) => Value(after, metric, labels) - Value(before, metric, labels);
        Assert.True(Moved("assistbot_policy_outcomes_total", "county=\"xinfeng\"", "outcome=\"answer\"") >= 2,
            string.Join("\n", after.Split('\n').Where(l => l.StartsWith("assistbot_policy", StringComparison.Ordinal))));
        Assert.True(Moved("assistbot_declarations_steps_total", "county=\"xinfeng\"", "step=\"submit\"") >= 1);
        Assert.True(Moved("assistbot_declarations_steps_total", "county=\"xinfeng\"", "step=\"accept\"") >= 1);
        var labels = after.Split('\n').Where(l => l.StartsWith("assistbot_policy", StringComparison.Ordinal) || l.StartsWith("assistbot_declarations", StringComparison.Ordinal));
        Assert.All(labels, l => Assert.DoesNotContain(farmer, l));
        Assert.All(labels, l => Assert.DoesNotContain("张三", l));
    }

    [Fact]
    public async Task An_otlp_collector_receives_the_trace_of_a_wechat_turn_with_its_redis_spans()
    {
        await using var collector = await OtlpCollectorStandIn.StartAsync();
        await using var host = new WeChatTestHost(redis, useTestBot: false, settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        var platform = new WeChatPlatform(host.CreateClient());

        var response = await platform.PostOaPlainAsync(WeChatPlatform.TextXml(WeChatPlatform.NewOpenId(), "低保怎么申请", WeChatPlatform.NewMsgId()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // OTLP/protobuf carries span names and attribute strings as plain UTF-8: enough for a stand-in to check.
        var traces = await collector.WaitForAsync("/v1/traces",
            body => body.Contains("bot turn") && body.Contains("redis") && body.Contains("/wechat/{county}"), TimeSpan.FromSeconds(20));
        Assert.Contains("/wechat/{county}", traces);   // the channel request (ASP.NET Core route)
        Assert.Contains("bot turn", traces);           // the dialog turn
        Assert.Contains("redis", traces);              // storage calls
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples whose labels contain every given label.</summary>
    private static double Value(string exposition, string metric, params string[] labels) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(line.Contains))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// An OpenTelemetry collector stand-in: accepts OTLP/HTTP posts on loopback and keeps their bodies. It is an
    /// HttpListener, not ASP.NET Core, so the service's own request instrumentation does not trace the exports.
    /// </summary>
    private sealed class OtlpCollectorStandIn : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
        private readonly Task _loop;

        private OtlpCollectorStandIn(HttpListener listener, string baseUrl)
        {
            _listener = listener;
            BaseUrl = baseUrl;
            _loop = Task.Run(ServeAsync);
        }

        public string BaseUrl { get; }

        public static Task<OtlpCollectorStandIn> StartAsync()
        {
            for (var attempt = 0; ; attempt++)
            {
                var port = Random.Shared.Next(20000, 60000);
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    listener.Start();
                    return Task.FromResult(new OtlpCollectorStandIn(listener, $"http://127.0.0.1:{port}"));
                }
                catch (HttpListenerException) when (attempt < 20)
                {
                    listener.Close();
                }
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var buffer = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(buffer);
                _received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(buffer.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public async Task<string> WaitForAsync(string path, Func<string, bool> wanted, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                var all = string.Concat(_received.Where(r => r.Path == path).Select(r => r.Body));
                if (wanted(all)) return all;
                await Task.Delay(100);
            }
            Assert.Fail($"No {path} export with the expected spans within {timeout}; got {_received.Count} posts to " +
                        string.Join(", ", _received.Select(r => r.Path).Distinct()) + ": " + Printable(path));
            return "";
        }

        private string Printable(string path) =>
            new(string.Concat(_received.Where(r => r.Path == path).Select(r => r.Body))
                .Select(c => char.IsControl(c) || c == '\uFFFD' ? ' ' : c).Take(3000).ToArray());

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
