using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// A local stand-in for the WeChat Official Account and WeCom HTTP APIs, on a free loopback port, speaking their
/// documented JSON. Point <c>WeChat:ApiBaseUrl</c> and <c>WeCom:ApiBaseUrl</c> at <see cref="BaseUrl"/>.
/// <list type="bullet">
/// <item><c>GET /cgi-bin/token</c> (OA) and <c>GET /cgi-bin/gettoken</c> (WeCom) issue fresh tokens
/// ("oa-token-1", "wecom-token-1", …) valid for <see cref="TokenExpiresIn"/> seconds.</item>
/// <item><c>POST /cgi-bin/message/custom/send</c>, <c>/cgi-bin/message/template/send</c> (OA) and
/// <c>/cgi-bin/message/send</c> (WeCom) answer <c>{"errcode":0,"errmsg":"ok","msgid":…}</c>, or 40001 (OA) /
/// 40014 (WeCom) when the access_token is unknown or was invalidated with <see cref="InvalidateTokens"/>.</item>
/// <item><c>GET /cgi-bin/ticket/getticket?type=jsapi</c> issues JS-SDK tickets ("jsapi-ticket-1", …) for a valid
/// access_token (<c>{"errcode":0,"errmsg":"ok","ticket":…,"expires_in":7200}</c>), 40001 otherwise.</item>
/// <item><c>POST /cgi-bin/message/subscribe/bizsend</c> (订阅通知) answers like the other sends; script 43101 (consent
/// used up or refused) with <see cref="EnqueueError"/>.</item>
/// <item>Script failures with <see cref="EnqueueError"/>: the next call to that path answers the given errcode
/// (-1, 45015, 45047, 43004, 40001, …) or, for <see cref="HttpFailure"/>, HTTP 500.</item>
/// <item>Everything received is in <see cref="Requests"/>; <see cref="WaitForAsync"/> waits for calls to a path.</item>
/// </list>
/// </summary>
public sealed class FakeWeChatApi : IAsyncDisposable
{
    public const string TokenPath = "/cgi-bin/token";
    public const string WeComTokenPath = "/cgi-bin/gettoken";
    public const string CustomSendPath = "/cgi-bin/message/custom/send";
    public const string TemplateSendPath = "/cgi-bin/message/template/send";
    public const string WeComSendPath = "/cgi-bin/message/send";
    public const string TicketPath = "/cgi-bin/ticket/getticket";
    public const string BizSendPath = "/cgi-bin/message/subscribe/bizsend";

    /// <summary>Pass to <see cref="EnqueueError"/> to make the next call fail with HTTP 500 (503_000: HTTP 503, and so on).</summary>
    public const int HttpFailure = 500_000;

    /// <summary>Pass to <see cref="EnqueueError"/> to make the next send be taken (delivered) but answered only after <see cref="StallFor"/>.</summary>
    public const int Stall = 1;

    public TimeSpan StallFor { get; set; } = TimeSpan.FromSeconds(6);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeApiRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _errors = new();
    private readonly ConcurrentDictionary<string, bool> _validTokens = new();
    private int _tokenCounter;
    private int _ticketCounter;
    private long _msgIdCounter = 1000;

    private FakeWeChatApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>expires_in returned with new tokens (seconds).</summary>
    public int TokenExpiresIn { get; set; } = 7200;

    /// <summary>Delay before answering a token request (to widen race windows in tests).</summary>
    public TimeSpan TokenDelay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<FakeApiRequest> Requests => _requests.ToArray();

    public IReadOnlyList<FakeApiRequest> RequestsTo(string path) => _requests.Where(r => r.Path == path).ToArray();

    public static async Task<FakeWeChatApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeWeChatApi(app);
        app.MapGet(TokenPath, (HttpContext http) => fake.IssueTokenAsync(http, "oa"));
        app.MapGet(WeComTokenPath, (HttpContext http) => fake.IssueTokenAsync(http, "wecom"));
        app.MapPost(CustomSendPath, (HttpContext http) => fake.SendAsync(http, 40001));
        app.MapPost(TemplateSendPath, (HttpContext http) => fake.SendAsync(http, 40001));
        app.MapPost(WeComSendPath, (HttpContext http) => fake.SendAsync(http, 40014));
        app.MapGet(TicketPath, fake.IssueTicketAsync);
        app.MapPost(BizSendPath, (HttpContext http) => fake.SendAsync(http, 40001));
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The next call to <paramref name="path"/> fails with <paramref name="errcode"/> (queued, in order).</summary>
    public void EnqueueError(string path, int errcode) =>
        _errors.GetOrAdd(path, _ => new ConcurrentQueue<int>()).Enqueue(errcode);

    /// <summary>Every token issued so far stops working (as when another party called /cgi-bin/token).</summary>
    public void InvalidateTokens()
    {
        foreach (var token in _validTokens.Keys) _validTokens[token] = false;
    }

    public int TokensIssued => Volatile.Read(ref _tokenCounter);

    public int TicketsIssued => Volatile.Read(ref _ticketCounter);

    /// <summary>Messages successfully delivered through <paramref name="path"/> (errcode 0), in arrival order.</summary>
    public IReadOnlyList<FakeApiRequest> DeliveredTo(string path) => _requests.Where(r => r.Path == path && r.Delivered).ToArray();

    /// <summary>Waits until at least <paramref name="count"/> calls to <paramref name="path"/> arrived (any outcome).</summary>
    public Task<IReadOnlyList<FakeApiRequest>> WaitForAsync(string path, int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => RequestsTo(path), path, count, timeout);

    /// <summary>Waits until at least <paramref name="count"/> messages were delivered (errcode 0) through <paramref name="path"/>.</summary>
    public Task<IReadOnlyList<FakeApiRequest>> WaitForDeliveredAsync(string path, int count = 1, TimeSpan? timeout = null) =>
        WaitAsync(() => DeliveredTo(path), path, count, timeout);

    private static async Task<IReadOnlyList<FakeApiRequest>> WaitAsync(Func<IReadOnlyList<FakeApiRequest>> query, string path,
        int count, TimeSpan? timeout)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var matching = query();
            if (matching.Count >= count) return matching;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} call(s) to {path}; got {matching.Count}.");
            await Task.Delay(20);
        }
    }

    private async Task IssueTokenAsync(HttpContext http, string prefix)
    {
        if (TokenDelay > TimeSpan.Zero) await Task.Delay(TokenDelay);
        if (TryScriptedError(http.Request.Path, out var scripted))
        {
            Record(http, null, scripted);
            await WriteErrorAsync(http, scripted);
            return;
        }
        Record(http, null, 0);
        var token = $"{prefix}-token-{Interlocked.Increment(ref _tokenCounter)}";
        _validTokens[token] = true;
        var body = new JsonObject { ["access_token"] = token, ["expires_in"] = TokenExpiresIn };
        if (prefix == "wecom") { body["errcode"] = 0; body["errmsg"] = "ok"; }
        await http.Response.WriteAsJsonAsync(body);
    }

    private async Task IssueTicketAsync(HttpContext http)
    {
        var token = http.Request.Query["access_token"].ToString();
        if (TryScriptedError(http.Request.Path, out var scripted))
        {
            Record(http, null, scripted);
            await WriteErrorAsync(http, scripted);
            return;
        }
        if (http.Request.Query["type"] != "jsapi" || !_validTokens.TryGetValue(token, out var valid) || !valid)
        {
            var code = http.Request.Query["type"] != "jsapi" ? 40097 : 40001;
            Record(http, null, code);
            await http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = code, ["errmsg"] = "invalid credential" });
            return;
        }
        Record(http, null, 0);
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["errcode"] = 0,
            ["errmsg"] = "ok",
            ["ticket"] = $"jsapi-ticket-{Interlocked.Increment(ref _ticketCounter)}",
            ["expires_in"] = 7200,
        });
    }

    private async Task SendAsync(HttpContext http, int invalidTokenCode)
    {
        JsonNode? json;
        try
        {
            json = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (JsonException)
        {
            Record(http, null, 47001);
            await http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = 47001, ["errmsg"] = "data format error" });
            return;
        }
        var token = http.Request.Query["access_token"].ToString();
        if (TryScriptedError(http.Request.Path, out var scripted) && scripted != Stall)
        {
            Record(http, json, scripted);
            await WriteErrorAsync(http, scripted);
            return;
        }
        if (scripted == Stall) await Task.Delay(StallFor);
        if (!_validTokens.TryGetValue(token, out var valid) || !valid)
        {
            Record(http, json, invalidTokenCode);
            await http.Response.WriteAsJsonAsync(new JsonObject
            {
                ["errcode"] = invalidTokenCode,
                ["errmsg"] = "invalid credential, access_token is invalid or not latest",
            });
            return;
        }
        Record(http, json, 0);
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["errcode"] = 0,
            ["errmsg"] = "ok",
            ["msgid"] = Interlocked.Increment(ref _msgIdCounter),
        });
    }

    private bool TryScriptedError(PathString path, out int errcode)
    {
        errcode = 0;
        return _errors.TryGetValue(path.Value ?? "", out var queue) && queue.TryDequeue(out errcode);
    }

    private static Task WriteErrorAsync(HttpContext http, int errcode)
    {
        if (errcode >= 100_000)
        {
            http.Response.StatusCode = errcode / 1000;
            return Task.CompletedTask;
        }
        return http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = errcode, ["errmsg"] = $"scripted error {errcode}" });
    }

    private void Record(HttpContext http, JsonNode? body, int errcode) => _requests.Enqueue(new FakeApiRequest(
        http.Request.Method, http.Request.Path.Value ?? "", http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
        body, errcode));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>
/// One call the stand-in received: <see cref="Body"/> is the JSON body of POSTs, <see cref="ErrCode"/> what it
/// answered (0 = delivered; <see cref="FakeWeChatApi.HttpFailure"/> = HTTP 500).
/// </summary>
public sealed record FakeApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, JsonNode? Body,
    int ErrCode)
{
    public bool Delivered => ErrCode == 0;

    /// <summary>The text content of a customer-service / WeCom text message.</summary>
    public string? TextContent => Body?["text"]?["content"]?.GetValue<string>();

    public string? ToUser => Body?["touser"]?.GetValue<string>();
}
