using System.Diagnostics;
using System.Net;
using System.Text;

namespace AssistBot.LoadTest;

/// <summary>Sends signed WeChat text messages from many users with fresh MsgIds over N connections for a while.</summary>
public sealed class LoadRunner(LoadOptions options, WeChatPlatform platform)
{
    private static readonly string[] Questions =
    [
        "脱贫户小额信贷最多能贷多少钱", "小额信贷要抵押吗", "雨露计划怎么申请", "先看病后付钱是怎么回事", "防返贫监测是什么",
        "低保怎么申请", "危房改造有补贴吗", "你好", "1", "帮助", "俺家娃上技校有钱补吗", "那个嗯我想问下就是贷款那个事",
        "12317是什么电话", "菜单", "就业有什么扶持",
    ];

    private long _nextMsgId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;

    public async Task<LoadResult> RunAsync(Uri server, string mode, TimeSpan duration, CancellationToken cancellationToken)
    {
        var (workers, elapsed) = await RunWorkersAsync(server, mode, duration, cancellationToken);
        return LoadResult.Combine(workers, elapsed);
    }

    /// <summary>One slice of load; the caller combines slices (see <see cref="Scenario"/>).</summary>
    public async Task<(WorkerResult[] Workers, TimeSpan Elapsed)> RunWorkersAsync(Uri server, string mode, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Connections)
            .Select(i => Task.Run(() => Worker(client, mode, i, stop, duration, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(workers);
        return (results, stop.Elapsed);
    }

    private async Task<WorkerResult> Worker(HttpClient client, string mode, int workerIndex, Stopwatch clock,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        var random = new Random(workerIndex * 7919 + 17);
        var result = new WorkerResult();
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var openId = $"oLoad{random.Next(options.Users):D8}";
            var msgId = Interlocked.Increment(ref _nextMsgId);
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
            // Unique per message, as a signed (timestamp, nonce) pair may carry one message only.
            var nonce = (100_000_000 + msgId % 2_000_000_000).ToString();
            var xml = WeChatPlatform.TextMessageXml("gh_loadtest", openId, long.Parse(timestamp),
                Questions[random.Next(Questions.Length)], msgId);
            var query = new StringBuilder($"/wechat/{options.County}?signature={WeChatPlatform.Sign(platform.Token, timestamp, nonce)}")
                .Append("&timestamp=").Append(timestamp).Append("&nonce=").Append(nonce).Append("&openid=").Append(openId);
            string body;
            if (mode == "safe")
            {
                var encrypted = platform.Encrypt(xml);
                query.Append("&encrypt_type=aes&msg_signature=").Append(WeChatPlatform.Sign(platform.Token, timestamp, nonce, encrypted));
                body = $"<xml><ToUserName><![CDATA[gh_loadtest]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
            }
            else
            {
                body = xml;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/xml");
                using var response = await client.PostAsync(query.ToString(), content, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var micros = (int)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (response.StatusCode != HttpStatusCode.OK) result.Error($"HTTP {(int)response.StatusCode}");
                else if (text == "success" || text.Length == 0) result.Deferred(micros);
                else if (!text.StartsWith("<xml>", StringComparison.Ordinal)) result.Error("unexpected body");
                else if (mode == "safe" && !text.Contains("<Encrypt>", StringComparison.Ordinal)) result.Error("reply not encrypted");
                else result.Ok(micros);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                result.Error(e.GetType().Name);
            }
        }
        return result;
    }
}

public sealed class WorkerResult
{
    public List<int> LatenciesMicros { get; } = new(16_384);
    public Dictionary<string, int> Errors { get; } = new();
    public int DeferredCount { get; private set; }

    public void Ok(int micros) => LatenciesMicros.Add(micros);

    public void Deferred(int micros)
    {
        DeferredCount++;
        LatenciesMicros.Add(micros);
    }

    public void Error(string kind) => Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
}

public sealed record LoadResult(long Requests, double PerSecond, double P50Ms, double P99Ms, double MaxMs, int Deferred,
    IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Errors.Values.Sum();

    public static LoadResult Combine(IEnumerable<WorkerResult> workers, TimeSpan elapsed)
    {
        var list = workers.ToList();
        var latencies = list.SelectMany(w => w.LatenciesMicros).ToArray();
        Array.Sort(latencies);
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))] / 1000.0;
        var errors = new Dictionary<string, int>();
        foreach (var (kind, count) in list.SelectMany(w => w.Errors)) errors[kind] = errors.GetValueOrDefault(kind) + count;
        var total = latencies.Length + errors.Values.Sum();
        return new LoadResult(total, latencies.Length / elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99),
            latencies.Length == 0 ? 0 : latencies[^1] / 1000.0, list.Sum(w => w.DeferredCount), errors);
    }
}
