using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// Timeouts and retries for calls to the WeChat / WeCom APIs (Microsoft.Extensions.Http.Resilience), shaped by how
/// those APIs fail: they answer HTTP 200 with <c>{"errcode":-1}</c> when busy ("请稍候再试"), which is retried like a
/// 503. Reading calls (access_token, jsapi_ticket) are retried on any transient failure. Sends are retried only when
/// the platform cannot have taken the message (busy, 429/503, no connection): after a timeout or another 5xx the
/// message may have gone out, and a second copy would reach the farmer, so that is left to the outbox, which retries
/// later under its idempotency key. What is not retried here keeps its typed result (<see cref="WeChatSendResult"/>);
/// refreshing a rejected access_token (40001/40014/42001) needs a new URL and stays in <see cref="WeChatApiCaller"/>.
/// </summary>
public static class WeChatHttpResilience
{
    /// <summary>One attempt; WeChat answers in well under a second when it is well.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(4);

    /// <summary>The whole call with its retries (the client's old single timeout).</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(10);

    public const int MaxRetries = 2;

    /// <summary>First pause before a retry (doubling, with jitter).</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(300);

    public static IHttpClientBuilder AddWeChatResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("wechat", pipeline => pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                ShouldHandle = ShouldRetryAsync,
            })
            .AddTimeout(AttemptTimeout));
        return builder;
    }

    /// <summary>Whether this outcome of one attempt is worth another attempt (see the class remarks).</summary>
    internal static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Context.CancellationToken.IsCancellationRequested) return false;
        var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
        var reads = request?.Method == HttpMethod.Get;
        if (args.Outcome.Exception is { } e)
            return e switch
            {
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
                HttpRequestException or TimeoutRejectedException => reads,
                _ => false,
            };
        if (args.Outcome.Result is not { } response) return false;
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) return true;
        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout) return reads;
        return response.IsSuccessStatusCode && await IsBusyAsync(response.Content, args.Context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>True for <c>{"errcode":-1,…}</c>. The body is buffered, so the caller reads it again as usual.</summary>
    private static async ValueTask<bool> IsBusyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isErrCode = reader.ValueTextEquals("errcode"u8);
                if (!reader.Read()) return false;
                if (isErrCode) return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) && code == -1;
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
