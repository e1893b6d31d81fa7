using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Observability;
using Stopwatch = System.Diagnostics.Stopwatch;
using TagList = System.Diagnostics.TagList;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// An adapter that collects a turn's replies instead of sending them, for channels that answer in the HTTP
/// response (WeChat passive replies, <c>expectReplies</c>) or poll (Direct Line), and for the console and tests.
/// Replies sent after the caller stopped waiting are still collected; see <see cref="TurnResult"/>.
/// </summary>
public class BufferingBotAdapter : BotAdapter
{
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, BotCallbackHandler callback,
        Action<ITurnContext>? prepare = null, CancellationToken cancellationToken = default)
    {
        var context = new TurnContext(this, activity);
        var result = new TurnResult();
        context.TurnState.Set(result);
        prepare?.Invoke(context);

        var tags = TurnTags(activity, context);
        using var span = AssistBotTelemetry.Traces.StartActivity("bot turn");
        span?.SetTag("assistbot.channel", tags[0].Value);
        span?.SetTag("assistbot.county", tags[1].Value);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            AssistBotTelemetry.MessagesIn.Add(1, tags);
            AssistBotTelemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
        return result;
    }

    /// <summary>Channel and county labels; a channel id the service does not know is "other" (labels stay few).</summary>
    private static TagList TurnTags(Activity activity, ITurnContext context) => new()
    {
        { "channel", activity.ChannelId is Channels.WeChat or Channels.WeCom or Channels.DirectLine or Channels.WebChat
            or Channels.Emulator or Channels.Console or Channels.Test ? activity.ChannelId : "other" },
        { "county", context.TurnState.Get<County>()?.Id ?? "none" },
    };

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities,
        CancellationToken cancellationToken)
    {
        var result = turnContext.TurnState.Get<TurnResult>()
            ?? throw new InvalidOperationException("This turn was not started by BufferingBotAdapter.");
        if (result.Delivering is { } deliver)
            foreach (var activity in activities) await deliver(activity, cancellationToken).ConfigureAwait(false);
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            activity.Id ??= Guid.NewGuid().ToString("N");
            result.Add(activity);
            responses[i] = new ResourceResponse(activity.Id);
        }
        return responses;
    }
}
