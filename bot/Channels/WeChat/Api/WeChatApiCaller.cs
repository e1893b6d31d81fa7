using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistBot.Bot.WeChat;

/// <summary>
/// The part the OA and WeCom clients share: POST JSON with an access_token, refresh the token once on
/// 40001/40014/42001 and retry, and turn errcode / HTTP failures into a <see cref="WeChatSendResult"/>. Timeouts and
/// retries of single HTTP calls (busy, no connection) are the HTTP client's, see <see cref="WeChatHttpResilience"/>.
/// </summary>
public abstract class WeChatApiCaller(IHttpClientFactory httpClientFactory, AccessTokenCache tokens, ILogger logger)
{
    public const string HttpClientName = "wechat-api";

    protected AccessTokenCache Tokens { get; } = tokens;

    protected async Task<WeChatSendResult> PostWithTokenAsync(string baseUrl, string scope,
        Func<CancellationToken, Task<AccessTokenResponse>> fetchToken, string path, byte[] jsonBody,
        CancellationToken cancellationToken)
    {
        string? rejected = null;
        for (var attempt = 0; ; attempt++)
        {
            string token;
            try
            {
                token = await Tokens.GetAsync(scope, fetchToken, rejected, cancellationToken).ConfigureAwait(false);
            }
            catch (WeChatTokenException e)
            {
                logger.LogWarning("No access_token for {Scope}: {Code} {Message}", scope, e.ErrorCode, e.ErrorMessage);
                return WeChatSendResult.FromErrorCode(e.ErrorCode, e.ErrorMessage) is { Status: WeChatSendStatus.Transient } t
                    ? t
                    : new WeChatSendResult(WeChatSendStatus.Permanent, e.ErrorCode, e.ErrorMessage);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                logger.LogWarning("No access_token for {Scope}: {Error}", scope, e.Message);
                return new WeChatSendResult(WeChatSendStatus.Transient, 0, e.Message);
            }

            var response = await PostAsync(baseUrl + path + "?access_token=" + Uri.EscapeDataString(token), jsonBody,
                cancellationToken).ConfigureAwait(false);
            if (response.Status == WeChatSendStatus.InvalidToken && attempt == 0)
            {
                logger.LogInformation("access_token for {Scope} rejected ({Code}); refreshing once", scope, response.ErrorCode);
                Tokens.Forget(scope);
                rejected = token;
                continue;
            }
            if (!response.IsOk)
                logger.LogWarning("POST {Path} for {Scope} failed: {Result}", path, scope, response);
            return response;
        }
    }

    private async Task<WeChatSendResult> PostAsync(string url, byte[] jsonBody, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(jsonBody);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var http = httpClientFactory.CreateClient(HttpClientName);
            using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                return new WeChatSendResult(WeChatSendStatus.Transient, (int)response.StatusCode, response.ReasonPhrase);
            if (!response.IsSuccessStatusCode)
                return new WeChatSendResult(WeChatSendStatus.Permanent, (int)response.StatusCode, response.ReasonPhrase);
            var body = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiResponse, cancellationToken)
                .ConfigureAwait(false);
            return body is null
                ? new WeChatSendResult(WeChatSendStatus.Transient, 0, "empty response")
                : WeChatSendResult.FromErrorCode(body.ErrCode, body.ErrMsg, body.MsgId);
        }
        catch (Exception e) when (IsTransient(e, cancellationToken))
        {
            return new WeChatSendResult(WeChatSendStatus.Transient, 0, e.Message);
        }
        catch (JsonException e)
        {
            return new WeChatSendResult(WeChatSendStatus.Transient, 0, "unreadable response: " + e.Message);
        }
    }

    /// <summary>
    /// GET an endpoint that takes an access_token and answers a ticket (<c>{"ticket":…,"expires_in":…}</c>), e.g. the
    /// JS-SDK jsapi_ticket; the access_token is refreshed once when rejected. errcode ≠ 0 becomes a
    /// <see cref="WeChatTokenException"/>.
    /// </summary>
    protected async Task<AccessTokenResponse> GetTicketAsync(string baseUrl, string scope,
        Func<CancellationToken, Task<AccessTokenResponse>> fetchToken, string pathAndQuery, CancellationToken cancellationToken)
    {
        string? rejected = null;
        for (var attempt = 0; ; attempt++)
        {
            var token = await Tokens.GetAsync(scope, fetchToken, rejected, cancellationToken).ConfigureAwait(false);
            using var http = httpClientFactory.CreateClient(HttpClientName);
            using var response = await http.GetAsync($"{baseUrl}{pathAndQuery}&access_token={Uri.EscapeDataString(token)}",
                cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500) throw new WeChatTokenException(-1, $"HTTP {(int)response.StatusCode}");
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiResponse, cancellationToken)
                .ConfigureAwait(false);
            if (body is { ErrCode: 40001 or 40014 or 42001 } && attempt == 0)
            {
                Tokens.Forget(scope);
                rejected = token;
                continue;
            }
            if (body is null || body.ErrCode != 0 || string.IsNullOrEmpty(body.Ticket))
                throw new WeChatTokenException(body?.ErrCode ?? -1, body?.ErrMsg ?? "empty response");
            return new AccessTokenResponse(body.Ticket, body.ExpiresIn > 0 ? body.ExpiresIn : 7200);
        }
    }

    /// <summary>
    /// GET an endpoint that takes an access_token (e.g. WeCom <c>auth/getuserinfo</c>) and return its JSON; the
    /// access_token is refreshed once when rejected. Transport failures and HTTP 5xx throw <see cref="WeChatTokenException"/>.
    /// </summary>
    private protected async Task<ApiResponse> GetWithTokenAsync(string baseUrl, string scope,
        Func<CancellationToken, Task<AccessTokenResponse>> fetchToken, string pathAndQuery, CancellationToken cancellationToken)
    {
        string? rejected = null;
        for (var attempt = 0; ; attempt++)
        {
            var token = await Tokens.GetAsync(scope, fetchToken, rejected, cancellationToken).ConfigureAwait(false);
            using var http = httpClientFactory.CreateClient(HttpClientName);
            ApiResponse? body;
            try
            {
                using var response = await http.GetAsync($"{baseUrl}{pathAndQuery}&access_token={Uri.EscapeDataString(token)}",
                    cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) throw new WeChatTokenException(-1, $"HTTP {(int)response.StatusCode}");
                body = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiResponse, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) || e is JsonException)
            {
                throw new WeChatTokenException(-1, e.Message);
            }
            if (body is { ErrCode: 40001 or 40014 or 42001 } && attempt == 0)
            {
                Tokens.Forget(scope);
                rejected = token;
                continue;
            }
            return body ?? new ApiResponse { ErrCode = -1, ErrMsg = "empty response" };
        }
    }

    /// <summary>GET a token endpoint; errcode ≠ 0 becomes a <see cref="WeChatTokenException"/>.</summary>
    protected async Task<AccessTokenResponse> GetTokenAsync(string url, CancellationToken cancellationToken)
    {
        using var http = httpClientFactory.CreateClient(HttpClientName);
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode >= 500) throw new WeChatTokenException(-1, $"HTTP {(int)response.StatusCode}");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(ApiJsonContext.Default.ApiResponse, cancellationToken)
            .ConfigureAwait(false);
        if (body is null || body.ErrCode != 0 || string.IsNullOrEmpty(body.AccessToken))
            throw new WeChatTokenException(body?.ErrCode ?? -1, body?.ErrMsg ?? "empty response");
        return new AccessTokenResponse(body.AccessToken, body.ExpiresIn > 0 ? body.ExpiresIn : 7200);
    }

    // Chinese stays readable in the body (WeChat accepts \u escapes too, but logs and the stand-in are easier to read).
    private static readonly JsonSerializerOptions SendOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = ApiJsonContext.Default,
    };

    internal static byte[] Serialize<T>(T value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)SendOptions.GetTypeInfo(typeof(T)));

    // Polly's TimeoutRejectedException (an attempt or the whole call ran out of time, see WeChatHttpResilience) is an ExecutionRejectedException.
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or TimeoutException or Polly.ExecutionRejectedException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
