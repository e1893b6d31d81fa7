using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.BotFramework;

/// <summary>
/// The Bot Connector REST API as the bot uses it to deliver replies (<c>ReplyToActivity</c>,
/// <c>SendToConversation</c>) to an activity's <c>serviceUrl</c>. URLs are built as the SDK builds them: the
/// serviceUrl's own path is kept and path parameters are escaped (conversation ids may hold <c>| ; :</c>).
/// Every connection checks the addresses the serviceUrl's host resolves to (<see cref="ConnectAsync"/>), so a name
/// that resolves, or starts resolving, to a private or loopback address is not followed there.
/// </summary>
public sealed class ConnectorClient(HttpClient http, ConnectorCredentials credentials, ILogger<ConnectorClient> logger)
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];

    /// <summary>Which addresses the connection of a request may reach (set by <see cref="SendAsync"/>).</summary>
    public static readonly HttpRequestOptionsKey<ServiceUrlReach> ReachOption = new("AssistBot.ServiceUrlReach");

    /// <summary>The handler the typed client uses: no proxy (the address check needs the real peer), checked connects.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>
    /// Resolves the host and connects only to addresses the request's <see cref="ReachOption"/> allows (public ones by
    /// default), so DNS cannot lead a reply to loopback, link-local (cloud metadata) or private networks.
    /// </summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var reach = context.InitialRequestMessage.Options.TryGetValue(ReachOption, out var r) ? r : ServiceUrlReach.PublicOnly;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        var allowed = addresses.Where(a => reach == ServiceUrlReach.Any || !NetworkRanges.IsNonPublic(a) ||
                                           (reach == ServiceUrlReach.PublicOrLoopback && NetworkRanges.IsLoopback(a))).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"The serviceUrl host '{host}' resolves to no address replies may go to.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{activityId}</c>.</summary>
    public Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId,
        Activity activity, CancellationToken cancellationToken = default) =>
        PostAsync(ReplyToActivityUri(serviceUrl, conversationId, activityId), activity, cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken = default) =>
        PostAsync(SendToConversationUri(serviceUrl, conversationId), activity, cancellationToken);

    /// <summary>
    /// Replies to <c>replyToId</c> when set, otherwise sends to the conversation (as the SDK decides); the connection
    /// may reach only addresses <paramref name="reach"/> allows.
    /// </summary>
    public Task<ResourceResponse?> SendAsync(Activity activity, ServiceUrlReach reach = ServiceUrlReach.PublicOnly,
        CancellationToken cancellationToken = default)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The reply has no serviceUrl.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The reply has no conversation id.");
        var uri = string.IsNullOrEmpty(activity.ReplyToId)
            ? SendToConversationUri(serviceUrl, conversationId)
            : ReplyToActivityUri(serviceUrl, conversationId, activity.ReplyToId);
        return PostAsync(uri, activity, cancellationToken, reach);
    }

    public static Uri SendToConversationUri(string serviceUrl, string conversationId) =>
        new(BaseUri(serviceUrl), $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");

    public static Uri ReplyToActivityUri(string serviceUrl, string conversationId, string activityId) =>
        new(BaseUri(serviceUrl),
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");

    private static Uri BaseUri(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"serviceUrl '{serviceUrl}' is not an http(s) URL.", nameof(serviceUrl));
        return uri;
    }

    private async Task<ResourceResponse?> PostAsync(Uri uri, Activity activity, CancellationToken cancellationToken,
        ServiceUrlReach reach = ServiceUrlReach.PublicOnly)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Content = JsonContent.Create(activity, options: ActivityJson.Options),
                };
                request.Options.Set(ReachOption, reach);
                if (await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return await ReadResourceResponse(response, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode) || attempt >= RetryDelays.Length)
                    throw new HttpRequestException($"The connector answered {(int)response.StatusCode} for {uri.GetLeftPart(UriPartial.Path)}.",
                        null, response.StatusCode);
                logger.LogWarning("Connector answered {Status} for {Uri}; retrying", (int)response.StatusCode, uri.GetLeftPart(UriPartial.Path));
            }
            catch (HttpRequestException e) when (e.StatusCode is null && attempt < RetryDelays.Length)
            {
                logger.LogWarning("Connector {Uri} unreachable ({Error}); retrying", uri.GetLeftPart(UriPartial.Path), e.Message);
            }
            await Task.Delay(RetryDelays[attempt], cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>The SDK tolerates an empty body (offline-directline sends one), so do we.</summary>
    private static async Task<ResourceResponse?> ReadResourceResponse(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (body.Length == 0) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<ResourceResponse>(body, ActivityJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
