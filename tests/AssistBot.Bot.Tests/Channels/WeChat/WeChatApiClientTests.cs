using AssistBot.Bot.WeChat;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>The outbound clients against the API stand-in, with tokens cached in real Redis.</summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeChatApiClientTests(SharedRedis redis) : IAsyncLifetime
{
    private FakeWeChatApi _api = null!;
    private ServiceProvider _httpServices = null!;

    // A fresh AppId per test keeps the shared Redis token cache from leaking between tests.
    private readonly WeChatAccountOptions _account = new() { AppId = "wx" + Guid.NewGuid().ToString("N")[..16], AppSecret = "s" };
    private readonly WeComAppOptions _app = new() { CorpId = "ww" + Guid.NewGuid().ToString("N")[..16], AgentId = "1000005", Secret = "cs" };

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient(WeChatApiCaller.HttpClientName).AddWeChatResilience(); // as the service registers it
        _httpServices = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _httpServices.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static AccessTokenCache NewTokenCache(RedisStorage storage) =>
        new(storage, storage, TimeProvider.System, NullLogger<AccessTokenCache>.Instance);

    /// <summary>A client as one bot instance would have it: its own in-memory cache, the shared Redis store.</summary>
    private WeChatApiClient NewOaClient() => new(
        _httpServices.GetRequiredService<IHttpClientFactory>(),
        NewTokenCache(new RedisStorage(redis.Connection)),
        new StaticOptions<WeChatApiOptions>(new WeChatApiOptions { ApiBaseUrl = _api.BaseUrl }),
        NullLogger<WeChatApiClient>.Instance);

    private WeComApiClient NewWeComClient() => new(
        _httpServices.GetRequiredService<IHttpClientFactory>(),
        NewTokenCache(new RedisStorage(redis.Connection)),
        new StaticOptions<WeComApiOptions>(new WeComApiOptions { ApiBaseUrl = _api.BaseUrl }),
        NullLogger<WeComApiClient>.Instance);

    [Fact]
    public async Task Two_instances_share_one_access_token_through_redis()
    {
        _api.TokenDelay = TimeSpan.FromMilliseconds(200); // both instances miss the cache at the same time
        var a = NewOaClient();
        var b = NewOaClient();
        var results = await Task.WhenAll(
            a.SendCustomerServiceTextAsync(_account, "o1", "你好"),
            b.SendCustomerServiceTextAsync(_account, "o2", "你好"),
            a.SendCustomerServiceTextAsync(_account, "o3", "你好"));
        Assert.All(results, r => Assert.Equal(WeChatSendStatus.Ok, r.Status));
        Assert.Equal(1, _api.TokensIssued);
        var tokenCall = Assert.Single(_api.RequestsTo(FakeWeChatApi.TokenPath));
        Assert.Equal(_account.AppId, tokenCall.Query["appid"]);
        Assert.Equal("client_credential", tokenCall.Query["grant_type"]);

        // A third instance started later reuses the stored token.
        Assert.True((await NewOaClient().SendCustomerServiceTextAsync(_account, "o4", "再见")).IsOk);
        Assert.Equal(1, _api.TokensIssued);
        Assert.All(_api.DeliveredTo(FakeWeChatApi.CustomSendPath), r => Assert.Equal("oa-token-1", r.Query["access_token"]));
    }

    [Fact]
    public async Task Invalidated_token_is_refreshed_once_and_the_call_retried()
    {
        var client = NewOaClient();
        Assert.True((await client.SendCustomerServiceTextAsync(_account, "o1", "一")).IsOk);
        _api.InvalidateTokens();

        var result = await client.SendCustomerServiceTextAsync(_account, "o1", "二");
        Assert.Equal(WeChatSendStatus.Ok, result.Status);
        Assert.Equal(2, _api.TokensIssued);
        var sends = _api.RequestsTo(FakeWeChatApi.CustomSendPath);
        Assert.Equal([0, 40001, 0], sends.Select(s => s.ErrCode));
        Assert.Equal("二", sends[^1].TextContent);

        // Another instance picks up the refreshed token from Redis instead of fetching its own.
        Assert.True((await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "三")).IsOk);
        Assert.Equal(2, _api.TokensIssued);
    }

    [Fact]
    public async Task A_token_that_keeps_failing_is_refreshed_only_once()
    {
        var client = NewOaClient();
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, 42001);
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, 42001);
        var result = await client.SendCustomerServiceTextAsync(_account, "o1", "x");
        Assert.Equal(WeChatSendStatus.InvalidToken, result.Status);
        Assert.Equal(2, _api.RequestsTo(FakeWeChatApi.CustomSendPath).Count);
        Assert.Equal(2, _api.TokensIssued);
    }

    [Theory]
    [InlineData(45015, WeChatSendStatus.OutsideWindow)]
    [InlineData(45047, WeChatSendStatus.TooFrequent)]
    [InlineData(43004, WeChatSendStatus.Unsubscribed)]
    [InlineData(FakeWeChatApi.HttpFailure, WeChatSendStatus.Transient)]
    [InlineData(40003, WeChatSendStatus.Permanent)]
    public async Task Errors_come_back_typed(int errcode, WeChatSendStatus expected)
    {
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, errcode);
        var result = await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "x");
        Assert.Equal(expected, result.Status);
        Assert.Equal(expected is WeChatSendStatus.Transient or WeChatSendStatus.TooFrequent, result.IsRetryable);
        // No blind retries of a send: after an HTTP 500 the message may have gone out.
        Assert.Single(_api.RequestsTo(FakeWeChatApi.CustomSendPath));
    }

    [Fact]
    public async Task A_busy_platform_errcode_minus_1_in_an_http_200_is_retried_and_the_message_goes_out_once()
    {
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, -1);
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, FakeWeChatApi.HttpFailure + 3000); // then HTTP 503

        var result = await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "你好");

        Assert.Equal(WeChatSendStatus.Ok, result.Status);
        Assert.Equal([-1, FakeWeChatApi.HttpFailure + 3000, 0], _api.RequestsTo(FakeWeChatApi.CustomSendPath).Select(r => r.ErrCode));
        Assert.Equal("你好", Assert.Single(_api.DeliveredTo(FakeWeChatApi.CustomSendPath)).TextContent);
    }

    [Fact]
    public async Task A_platform_that_stays_busy_gives_a_transient_result_after_three_attempts()
    {
        for (var i = 0; i < 3; i++) _api.EnqueueError(FakeWeChatApi.CustomSendPath, -1);

        var result = await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "x");

        Assert.Equal((WeChatSendStatus.Transient, -1), (result.Status, result.ErrorCode));
        Assert.True(result.IsRetryable); // the outbox tries again later
        Assert.Equal(3, _api.RequestsTo(FakeWeChatApi.CustomSendPath).Count);
    }

    [Fact]
    public async Task Fetching_the_access_token_is_retried_after_a_server_error()
    {
        _api.EnqueueError(FakeWeChatApi.TokenPath, FakeWeChatApi.HttpFailure);

        var result = await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "x");

        Assert.Equal(WeChatSendStatus.Ok, result.Status);
        Assert.Equal([FakeWeChatApi.HttpFailure, 0], _api.RequestsTo(FakeWeChatApi.TokenPath).Select(r => r.ErrCode));
    }

    [Fact]
    public async Task A_send_that_times_out_is_not_sent_again_because_the_platform_may_have_taken_it()
    {
        _api.StallFor = WeChatHttpResilience.AttemptTimeout + TimeSpan.FromSeconds(1);
        await NewOaClient().SendCustomerServiceTextAsync(_account, "o0", "先拿到 access_token");
        _api.EnqueueError(FakeWeChatApi.CustomSendPath, FakeWeChatApi.Stall);

        var result = await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "只发一次");

        Assert.Equal(WeChatSendStatus.Transient, result.Status);
        await _api.WaitForDeliveredAsync(FakeWeChatApi.CustomSendPath, 2); // the stalled one arrived after all
        await Task.Delay(WeChatHttpResilience.FirstDelay * 4);
        Assert.Single(_api.DeliveredTo(FakeWeChatApi.CustomSendPath), r => r.TextContent == "只发一次");
    }

    [Fact]
    public async Task Unreachable_api_is_transient_and_missing_credentials_are_reported()
    {
        var client = new WeChatApiClient(_httpServices.GetRequiredService<IHttpClientFactory>(),
            NewTokenCache(new RedisStorage(redis.Connection)),
            new StaticOptions<WeChatApiOptions>(new WeChatApiOptions { ApiBaseUrl = "http://127.0.0.1:9" }),
            NullLogger<WeChatApiClient>.Instance);
        Assert.Equal(WeChatSendStatus.Transient, (await client.SendCustomerServiceTextAsync(_account, "o1", "x")).Status);
        Assert.Equal(WeChatSendStatus.NotConfigured,
            (await NewOaClient().SendCustomerServiceTextAsync(new WeChatAccountOptions(), "o1", "x")).Status);
    }

    [Fact]
    public async Task Rejected_app_secret_is_a_permanent_error()
    {
        _api.EnqueueError(FakeWeChatApi.TokenPath, 40125);
        var result = await NewOaClient().SendCustomerServiceTextAsync(_account, "o1", "x");
        Assert.Equal(WeChatSendStatus.Permanent, result.Status);
        Assert.Equal(40125, result.ErrorCode);
        Assert.Empty(_api.RequestsTo(FakeWeChatApi.CustomSendPath));
    }

    [Fact]
    public async Task Template_message_sends_the_documented_json()
    {
        var result = await NewOaClient().SendTemplateAsync(_account, new WeChatTemplateMessage("o9", "TPL_1",
            new Dictionary<string, string> { ["thing1"] = "小额信贷到期提醒", ["time2"] = "2026年12月1日" },
            Url: "https://example.org/loan", ClientMsgId: "loan:o9:2026-12-01"));
        Assert.True(result.IsOk);
        Assert.NotNull(result.MsgId);
        var body = Assert.Single(_api.DeliveredTo(FakeWeChatApi.TemplateSendPath)).Body!;
        Assert.Equal("o9", body["touser"]!.GetValue<string>());
        Assert.Equal("TPL_1", body["template_id"]!.GetValue<string>());
        Assert.Equal("小额信贷到期提醒", body["data"]!["thing1"]!["value"]!.GetValue<string>());
        Assert.Equal("loan:o9:2026-12-01", body["client_msg_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Template_to_an_unfollowed_user_reports_unsubscribed()
    {
        _api.EnqueueError(FakeWeChatApi.TemplateSendPath, 43004);
        var result = await NewOaClient().SendTemplateAsync(_account,
            new WeChatTemplateMessage("o9", "TPL_1", new Dictionary<string, string> { ["thing1"] = "x" }));
        Assert.Equal(WeChatSendStatus.Unsubscribed, result.Status);
    }

    [Fact]
    public async Task WeCom_message_send_uses_its_own_token_and_agent_id()
    {
        var client = NewWeComClient();
        Assert.True((await client.SendTextAsync(_app, "ZhangSan|LiSi", "有新的困难申报待处理")).IsOk);
        var send = Assert.Single(_api.DeliveredTo(FakeWeChatApi.WeComSendPath));
        Assert.Equal("ZhangSan|LiSi", send.ToUser);
        Assert.Equal(1000005, send.Body!["agentid"]!.GetValue<long>());
        Assert.Equal("有新的困难申报待处理", send.TextContent);
        Assert.StartsWith("wecom-token-", send.Query["access_token"]);

        _api.InvalidateTokens(); // WeCom answers 40014; refreshed once and retried
        Assert.True((await client.SendTextAsync(_app, "ZhangSan", "二")).IsOk);
        Assert.Equal(2, _api.TokensIssued);
    }

    private sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
