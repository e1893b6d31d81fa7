using System.Globalization;
using System.Security.Cryptography;
using System.Buffers.Text;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset Web Chat and <c>botframework-directlinejs</c> use: start a conversation, post
/// activities, get activities after a watermark (polling) or from the WebSocket <c>streamUrl</c>, reconnect,
/// refresh and generate tokens.
/// Each conversation has its own signed token; a token opens only its own conversation (403 otherwise, 401 when
/// there is no valid token at all).
/// </summary>
public static class DirectLineEndpoints
{
    /// <summary>How long POST activity waits for the bot before answering; the turn finishes in the background.</summary>
    private static readonly TimeSpan BotWait = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/directline/{county}/v3/directline");
        group.AddEndpointFilter(async (context, next) =>
        {
            AllowCrossOrigin(context.HttpContext.Response);
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context).ConfigureAwait(false);
        });
        group.MapMethods("/{**path}", [HttpMethods.Options], () => Results.NoContent());
        group.MapPost("/conversations", StartConversationAsync);
        group.MapPost("/tokens/generate", GenerateToken);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return endpoints;
    }

    private static async Task<IResult> StartConversationAsync(string county, HttpContext http, Counties counties,
        DirectLineTokens tokens, DirectLineConversationStore store, DirectLineBot bot)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        var ct = http.RequestAborted;

        // A token from /tokens/generate (or one already in use) names the conversation to start or resume.
        var presented = tokens.Validate(BearerToken(http));
        if (presented is { Status: TokenStatus.Valid, Grant: { } grant } && SameCounty(grant, c) &&
            await store.AcceptsAsync(grant.ConversationId, grant.Generation, ct).ConfigureAwait(false))
        {
            if (await store.GetAsync(grant.ConversationId, ct).ConfigureAwait(false) is not null)
                return Results.Json(ConversationResponse(http, c, await Current(grant, store, ct).ConfigureAwait(false), tokens), ActivityJson.Options);
            await StartAsync(c, grant, http, store, bot).ConfigureAwait(false);
            return Results.Json(ConversationResponse(http, c, grant, tokens), ActivityJson.Options);
        }

        var fresh = NewGrant(c);
        await StartAsync(c, fresh, http, store, bot).ConfigureAwait(false);
        return Results.Json(ConversationResponse(http, c, fresh, tokens), ActivityJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task StartAsync(County county, DirectLineGrant grant, HttpContext http,
        DirectLineConversationStore store, DirectLineBot bot)
    {
        var timeProvider = http.RequestServices.GetRequiredService<TimeProvider>();
        await store.CreateAsync(new DirectLineConversation(grant.ConversationId, county.Id, grant.UserId, timeProvider.GetUtcNow()),
            http.RequestAborted).ConfigureAwait(false);
        await bot.WelcomeAsync(county, grant, ServiceUrl(http, county), BotWait).ConfigureAwait(false);
    }

    private static IResult GenerateToken(string county, HttpContext http, Counties counties, DirectLineTokens tokens)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        return Results.Json(ConversationResponse(http, c, NewGrant(c), tokens), ActivityJson.Options);
    }

    private static async Task<IResult> RefreshTokenAsync(string county, HttpContext http, Counties counties,
        DirectLineTokens tokens, DirectLineConversationStore store)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        var (grant, error) = await AuthorizeAsync(http, tokens, store, c, conversationId: null).ConfigureAwait(false);
        if (error is not null) return error;
        if (await store.GetAsync(grant!.ConversationId, http.RequestAborted).ConfigureAwait(false) is null)
            return BotFrameworkErrors.Forbidden("The conversation has ended; start a new one.");
        // The refreshed token retires this one (after a short grace for requests already on their way).
        if (await store.RetireTokensAsync(grant.ConversationId, grant.Generation, http.RequestAborted).ConfigureAwait(false) is not { } next)
            return BotFrameworkErrors.Forbidden("This token has already been refreshed; use the newer token.");
        return Results.Json(ConversationResponse(http, c, grant with { Generation = next }, tokens), ActivityJson.Options);
    }

    private static async Task<IResult> ReconnectAsync(string county, string conversationId, string? watermark,
        HttpContext http, Counties counties, DirectLineTokens tokens, DirectLineConversationStore store)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        var (grant, error) = await AuthorizeAsync(http, tokens, store, c, conversationId).ConfigureAwait(false);
        if (error is not null) return error;
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark();
        if (await store.GetAsync(conversationId, http.RequestAborted).ConfigureAwait(false) is null)
            return BotFrameworkErrors.NotFound("The conversation has ended; start a new one.");
        return Results.Json(ConversationResponse(http, c, await Current(grant!, store, http.RequestAborted).ConfigureAwait(false), tokens, after),
            ActivityJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(string county, string conversationId, HttpContext http,
        Counties counties, DirectLineTokens tokens, DirectLineConversationStore store, DirectLineBot bot)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        var (grant, error) = await AuthorizeAsync(http, tokens, store, c, conversationId).ConfigureAwait(false);
        if (error is not null) return error;
        var (activity, readError) = await ActivityReader.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (readError is not null) return readError;

        var outcome = await bot.ReceiveAsync(c, grant!, activity!, ServiceUrl(http, c), BotWait, http.RequestAborted).ConfigureAwait(false);
        return outcome.BotFailed
            ? BotFrameworkErrors.BotError()
            : Results.Json(new ResourceResponse(outcome.ActivityId), ActivityJson.Options);
    }

    private static async Task<IResult> GetActivitiesAsync(string county, string conversationId, string? watermark,
        HttpContext http, Counties counties, DirectLineTokens tokens, DirectLineConversationStore store)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        var (_, error) = await AuthorizeAsync(http, tokens, store, c, conversationId).ConfigureAwait(false);
        if (error is not null) return error;
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark();
        var (activities, next) = await store.ReadAfterAsync(conversationId, after, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)), ActivityJson.Options);
    }

    /// <summary>The WebSocket of <c>streamUrl</c>; its token comes in <c>?t=</c> (browsers cannot set headers on it).</summary>
    private static async Task<IResult> StreamAsync(string county, string conversationId, string? t, string? watermark,
        HttpContext http, Counties counties, DirectLineTokens tokens, DirectLineConversationStore store, DirectLineStream stream)
    {
        if (!counties.TryGet(county, out var c)) return BotFrameworkErrors.UnknownCounty(county);
        var (_, error) = await AuthorizeAsync(string.IsNullOrEmpty(t) ? BearerToken(http) : t, tokens, store, c, conversationId,
            http.RequestAborted).ConfigureAwait(false);
        if (error is not null) return error;
        if (!TryParseWatermark(watermark, out var after)) return BadWatermark();
        if (!http.WebSockets.IsWebSocketRequest) return BotFrameworkErrors.BadRequest("A WebSocket upgrade is expected here.");
        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await stream.RunAsync(socket, conversationId, after, http.RequestAborted).ConfigureAwait(false);
        return Results.Empty;
    }

    private static bool TryParseWatermark(string? watermark, out long after)
    {
        after = 0;
        return string.IsNullOrEmpty(watermark) ||
               long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after);
    }

    private static IResult BadWatermark() =>
        BotFrameworkErrors.BadRequest("'watermark' must be a watermark returned by this service.");

    /// <summary>
    /// The grant of a valid, current token for this county (and conversation, when given), or the refusal: 401 without a
    /// readable token, 403 for an expired, retired (refreshed) or another conversation's token.
    /// </summary>
    private static Task<(DirectLineGrant? Grant, IResult? Error)> AuthorizeAsync(HttpContext http, DirectLineTokens tokens,
        DirectLineConversationStore store, County county, string? conversationId) =>
        AuthorizeAsync(BearerToken(http), tokens, store, county, conversationId, http.RequestAborted);

    private static async Task<(DirectLineGrant? Grant, IResult? Error)> AuthorizeAsync(string? token, DirectLineTokens tokens,
        DirectLineConversationStore store, County county, string? conversationId, CancellationToken ct)
    {
        var (grant, error) = Authorize(token, tokens, county, conversationId);
        if (error is not null) return (null, error);
        return await store.AcceptsAsync(grant!.ConversationId, grant.Generation, ct).ConfigureAwait(false)
            ? (grant, null)
            : (null, BotFrameworkErrors.Forbidden("This token was replaced when it was refreshed; use the newer token."));
    }

    /// <summary>The grant with the conversation's current token generation (for a token issued alongside a valid one).</summary>
    private static async Task<DirectLineGrant> Current(DirectLineGrant grant, DirectLineConversationStore store, CancellationToken ct) =>
        grant with { Generation = await store.CurrentGenerationAsync(grant.ConversationId, ct).ConfigureAwait(false) };

    private static (DirectLineGrant? Grant, IResult? Error) Authorize(string? token, DirectLineTokens tokens,
        County county, string? conversationId)
    {
        var check = tokens.Validate(token);
        return check.Status switch
        {
            TokenStatus.Missing => (null, BotFrameworkErrors.Unauthorized("A Direct Line token is required (Authorization: Bearer).")),
            TokenStatus.Invalid => (null, BotFrameworkErrors.Unauthorized("The Direct Line token is not valid.")),
            TokenStatus.Expired => (null, BotFrameworkErrors.Forbidden("The Direct Line token has expired; refresh it or start a new conversation.")),
            _ when !SameCounty(check.Grant!, county) ||
                   (conversationId is not null && !string.Equals(check.Grant!.ConversationId, conversationId, StringComparison.Ordinal))
                => (null, BotFrameworkErrors.Forbidden("This token is for another conversation.")),
            _ => (check.Grant, null),
        };
    }

    private static bool SameCounty(DirectLineGrant grant, County county) =>
        string.Equals(grant.County, county.Id, StringComparison.OrdinalIgnoreCase);

    private static string? BearerToken(HttpContext http)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length == 0 || token == "undefined" ? null : token;
    }

    private static DirectLineGrant NewGrant(County county) =>
        new(RandomId(16), "dl_" + RandomId(12), county.Id);

    private static string RandomId(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private static DirectLineConversationResponse ConversationResponse(HttpContext http, County county,
        DirectLineGrant grant, DirectLineTokens tokens, long watermark = 0)
    {
        var token = tokens.Issue(grant);
        var streamUrl = $"{(http.Request.IsHttps ? "wss" : "ws")}://{http.Request.Host}/directline/{county.Id}/v3/directline" +
                        $"/conversations/{Uri.EscapeDataString(grant.ConversationId)}/stream?t={Uri.EscapeDataString(token)}" +
                        (watermark > 0 ? "&watermark=" + watermark.ToString(CultureInfo.InvariantCulture) : "");
        return new(grant.ConversationId, token, (int)tokens.Lifetime.TotalSeconds, streamUrl);
    }

    private static string ServiceUrl(HttpContext http, County county) =>
        $"{http.Request.Scheme}://{http.Request.Host}/directline/{county.Id}";

    private static void AllowCrossOrigin(HttpResponse response)
    {
        // Tokens travel in the Authorization header, never in cookies, so any page may call this API.
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
        response.Headers.AccessControlAllowHeaders = "Authorization, Content-Type, x-ms-bot-agent";
        response.Headers.AccessControlMaxAge = "600";
    }
}
