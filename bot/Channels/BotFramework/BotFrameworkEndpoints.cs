using AssistBot.Bot.BotFramework.DirectLine;
using AssistBot.Bot.BotFramework.WebChat;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.BotFramework;

public static class BotFrameworkEndpoints
{
    /// <summary>
    /// <c>POST /api/messages/{county}</c> (and <c>/api/messages</c> for the default county), the Direct Line 3.0
    /// subset under <c>/directline/{county}/v3/directline</c>, and the web chat page <c>GET /chat/{county}</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages/{county}", (string county, HttpContext http, Counties counties) =>
            counties.TryGet(county, out var c) ? ReceiveAsync(c, http) : Task.FromResult(BotFrameworkErrors.UnknownCounty(county)));
        endpoints.MapPost("/api/messages", (HttpContext http, Counties counties) =>
            counties.Default is { } c ? ReceiveAsync(c, http) : Task.FromResult(BotFrameworkErrors.NotFound("No county is configured.")));
        endpoints.MapDirectLineEndpoints();
        endpoints.MapWebChatEndpoints();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(County county, HttpContext http)
    {
        var services = http.RequestServices;
        var ct = http.RequestAborted;
        var (activity, error) = await ActivityReader.ReadAsync(http.Request, ct);
        if (error is not null) return error;

        var authenticator = services.GetRequiredService<BotFrameworkAuthenticator>();
        if (await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity!.ServiceUrl, ct) is not null)
            return BotFrameworkErrors.Unauthorized("The request is not authenticated for this bot.");

        activity.From ??= new ChannelAccount("user");
        activity.Recipient ??= new ChannelAccount("bot");
        activity.From.Role ??= "user";
        activity.Recipient.Role ??= "bot";
        var runner = services.GetRequiredService<BotTurnRunner>();
        if (!runner.HasBot) return BotFrameworkErrors.Unavailable("The bot is not running yet.");

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            try
            {
                var replies = await runner.RunAsync(county, activity, cancellationToken: ct);
                return Results.Json(new ExpectedReplies(replies), ActivityJson.Options);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkEndpoints))
                    .LogError(e, "expectReplies turn for conversation {Conversation} failed", activity.Conversation?.Id);
                return BotFrameworkErrors.BotError();
            }
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
            return BotFrameworkErrors.BadRequest("The activity needs 'serviceUrl' and 'conversation.id' (or deliveryMode 'expectReplies').");
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUri) ||
            (serviceUri.Scheme != Uri.UriSchemeHttp && serviceUri.Scheme != Uri.UriSchemeHttps))
            return BotFrameworkErrors.BadRequest("'serviceUrl' must be an http(s) URL.");
        if (!services.GetRequiredService<ConnectorReplyQueue>().TryEnqueue(county, activity))
            return BotFrameworkErrors.Unavailable("Too many messages at once; please retry shortly.");
        return Results.Ok();
    }

    private sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
}
