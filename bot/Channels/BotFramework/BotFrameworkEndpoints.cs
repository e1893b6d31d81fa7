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
        var (activity, error) = await ActivityReader.ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (error is not null) return error;

        // Nothing of a refused request is stored or run: the caller, the activity's addressing and its serviceUrl are
        // all checked before the turn.
        var authenticator = services.GetRequiredService<BotFrameworkAuthenticator>();
        var (caller, refusal) = await authenticator.CheckCallerAsync(http, activity!.ServiceUrl, ct).ConfigureAwait(false);
        if (refusal is not null) return refusal;

        if (string.IsNullOrWhiteSpace(activity.ChannelId) || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
            return BotFrameworkErrors.BadRequest("The activity needs 'channelId' and 'conversation.id'.");
        var originalChannelId = ActivityChannelIds.Qualify(activity);
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
                var replies = await runner.RunAsync(county, activity, cancellationToken: ct).ConfigureAwait(false);
                foreach (var reply in replies) ActivityChannelIds.Restore(reply, activity, originalChannelId);
                return Results.Json(new ExpectedReplies(replies), ActivityJson.Options);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkEndpoints))
                    .LogError(e, "expectReplies turn for conversation {Conversation} failed", activity.Conversation?.Id);
                return BotFrameworkErrors.BotError();
            }
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl))
            return BotFrameworkErrors.BadRequest("The activity needs 'serviceUrl' (or deliveryMode 'expectReplies').");
        var (reach, serviceUrlRefusal) = services.GetRequiredService<ServiceUrlPolicy>().Check(activity.ServiceUrl, caller);
        if (reach is null)
            return serviceUrlRefusal!.StartsWith("'serviceUrl' must", StringComparison.Ordinal)
                ? BotFrameworkErrors.BadRequest(serviceUrlRefusal)
                : BotFrameworkErrors.Error(StatusCodes.Status403Forbidden, "Forbidden", serviceUrlRefusal);
        if (!services.GetRequiredService<ConnectorReplyQueue>().TryEnqueue(county, activity, reach.Value, originalChannelId))
            return BotFrameworkErrors.Unavailable("Too many messages at once; please retry shortly.");
        return Results.Ok();
    }

    private sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
}
