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
/// <item>WeCom template cards: <c>POST /cgi-bin/message/send</c> with <c>msgtype: template_card</c> is checked like the
/// platform does (card_type, task_id of letters/digits/_-@ ≤ 128 unique per app, ≤ 6 buttons each with a key) and
/// answered with a <c>response_code</c>; <c>POST /cgi-bin/message/update_template_card</c> takes a response_code from a
/// click (<see cref="NewResponseCode"/>) once, else 40xxx, with <c>button.replace_name</c> or a whole
/// <c>template_card</c>. Cards sent are in <see cref="Cards"/>, updates in <see cref="CardUpdates"/>.</item>
/// <item>Script failures with <see cref="EnqueueError"/>: the next call to that path answers the given errcode
/// (-1, 45015, 45047, 43004, 40001, …) or, for <see cref="HttpFailure"/>, HTTP 500.</item>
/// <item>WeCom sign-in: <c>GET /connect/oauth2/authorize</c> (网页授权, inside WeCom) and <c>GET /wwlogin/sso/login</c>
/// (扫码登录) stand for the member's approval: they redirect to <c>redirect_uri</c> with a fresh one-time <c>code</c>
/// and the given <c>state</c>, as WeCom does. <c>GET /cgi-bin/auth/getuserinfo?access_token=…&amp;code=…</c> answers
/// <c>{"errcode":0,"errmsg":"ok","userid":…,"user_ticket":…}</c> for a member (<see cref="SignInAs"/>),
/// <c>{"errcode":0,"errmsg":"ok","openid":…}</c> for someone outside the corp (SignInAs null), 40029 for an
/// unknown or used code, 40014 for an unknown access_token.</item>
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
    public const string OAuthAuthorizePath = "/connect/oauth2/authorize";
    public const string QrLoginPath = "/wwlogin/sso/login";
    public const string GetUserInfoPath = "/cgi-bin/auth/getuserinfo";
    public const string UpdateCardPath = "/cgi-bin/message/update_template_card";

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
    private readonly ConcurrentDictionary<string, string?> _codes = new();
    private int _responseCodes;
    private readonly ConcurrentDictionary<string, bool> _responseCodesUnused = new();
    private readonly ConcurrentDictionary<string, bool> _taskIds = new();

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
        app.MapPost(UpdateCardPath, fake.UpdateCardAsync);
        app.MapGet(TicketPath, fake.IssueTicketAsync);
        app.MapPost(BizSendPath, (HttpContext http) => fake.SendAsync(http, 40001));
        app.MapGet(OAuthAuthorizePath, fake.Authorize);
        app.MapGet(QrLoginPath, fake.Authorize);
        app.MapGet(GetUserInfoPath, fake.GetUserInfoAsync);
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

    /// <summary>The WeCom UserId who approves the next sign-in (null: a WeChat user outside the corp).</summary>
    public string? SignInAs { get; set; }

    public int TokensIssued => Volatile.Read(ref _tokenCounter);

    /// <summary>
    /// A response_code as the platform puts in a template_card_event callback (one per click): usable once with the
    /// update API.
    /// </summary>
    public string NewResponseCode()
    {
        var code = $"rc-{Interlocked.Increment(ref _responseCodes)}-{Guid.NewGuid():N}";
        _responseCodesUnused[code] = true;
        return code;
    }

    /// <summary>Template cards delivered (the <c>template_card</c> objects, with <c>touser</c>), in order.</summary>
    public IReadOnlyList<FakeApiRequest> Cards =>
        DeliveredTo(WeComSendPath).Where(r => r.Body?["msgtype"]?.GetValue<string>() == "template_card").ToArray();

    /// <summary>Successful card updates, in order.</summary>
    public IReadOnlyList<FakeApiRequest> CardUpdates => DeliveredTo(UpdateCardPath);

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

    private IResult Authorize(HttpContext http)
    {
        Record(http, null, 0);
        var redirect = http.Request.Query["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out _) || string.IsNullOrEmpty(http.Request.Query["appid"]))
            return Results.BadRequest("redirect_uri / appid missing");
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = SignInAs;
        var separator = redirect.Contains('?') ? '&' : '?';
        return Results.Redirect($"{redirect}{separator}code={code}&state={Uri.EscapeDataString(http.Request.Query["state"].ToString())}");
    }

    private async Task GetUserInfoAsync(HttpContext http)
    {
        var token = http.Request.Query["access_token"].ToString();
        if (!_validTokens.TryGetValue(token, out var valid) || !valid)
        {
            Record(http, null, 40014);
            await http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = 40014, ["errmsg"] = "invalid access_token" });
            return;
        }
        if (!_codes.TryRemove(http.Request.Query["code"].ToString(), out var userId))
        {
            Record(http, null, 40029);
            await http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = 40029, ["errmsg"] = "invalid code" });
            return;
        }
        Record(http, null, 0);
        var body = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
        if (userId is null) body["openid"] = "o-outsider-" + Guid.NewGuid().ToString("N")[..8];
        else { body["userid"] = userId; body["user_ticket"] = "ticket-" + Guid.NewGuid().ToString("N"); }
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
        var ok = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["msgid"] = Interlocked.Increment(ref _msgIdCounter) };
        if (json?["msgtype"]?.GetValue<string>() == "template_card")
        {
            if (CardProblem(json["template_card"]) is { } problem)
            {
                Record(http, json, 40058);
                await http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = 40058, ["errmsg"] = "invalid template_card: " + problem });
                return;
            }
            ok["response_code"] = "send-" + Guid.NewGuid().ToString("N");
        }
        Record(http, json, 0);
        await http.Response.WriteAsJsonAsync(ok);
    }

    /// <summary>The checks the platform makes on a button_interaction card (documented limits).</summary>
    private string? CardProblem(JsonNode? card)
    {
        if (card is null) return "missing";
        var type = card["card_type"]?.GetValue<string>();
        if (type is not ("button_interaction" or "text_notice")) return "card_type";
        if (string.IsNullOrEmpty(card["main_title"]?["title"]?.GetValue<string>())) return "main_title";
        var taskId = card["task_id"]?.GetValue<string>();
        if (type == "button_interaction")
        {
            if (taskId is null || taskId.Length > 128 || !taskId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '@')) return "task_id";
            if (!_taskIds.TryAdd(taskId, true)) return "task_id used";
            var buttons = card["button_list"]?.AsArray();
            if (buttons is null || buttons.Count is 0 or > 6) return "button_list";
            if (buttons.Any(b => string.IsNullOrEmpty(b?["key"]?.GetValue<string>()) || string.IsNullOrEmpty(b?["text"]?.GetValue<string>())))
                return "button";
        }
        if (card["horizontal_content_list"]?.AsArray() is { Count: > 6 }) return "horizontal_content_list";
        return null;
    }

    private async Task UpdateCardAsync(HttpContext http)
    {
        var json = await JsonNode.ParseAsync(http.Request.Body);
        var token = http.Request.Query["access_token"].ToString();
        if (TryScriptedError(http.Request.Path, out var scripted))
        {
            Record(http, json, scripted);
            await WriteErrorAsync(http, scripted);
            return;
        }
        int code;
        string message;
        var responseCode = json?["response_code"]?.GetValue<string>() ?? "";
        if (!_validTokens.TryGetValue(token, out var valid) || !valid) (code, message) = (40014, "invalid access_token");
        // The errcode for a used or unknown response_code is not in the reference; 40078 stands for "invalid parameter" here.
        else if (!_responseCodesUnused.TryUpdate(responseCode, false, true)) (code, message) = (40078, "invalid response_code (unknown or used)");
        else if (json?["button"]?["replace_name"] is null && json?["template_card"] is null) (code, message) = (40058, "button or template_card required");
        else (code, message) = (0, "ok");
        Record(http, json, code);
        await http.Response.WriteAsJsonAsync(new JsonObject { ["errcode"] = code, ["errmsg"] = message });
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
