using AssistBot.Bot.Conversation.Schema;

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
        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
        return result;
    }

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

/// <summary>The replies of one turn, in the order they were sent. Thread-safe.</summary>
public sealed class TurnResult
{
    private readonly List<Activity> _replies = [];

    /// <summary>
    /// Optional: sees each reply when it reaches the adapter (after every send handler, e.g. once a buffering
    /// middleware let it go), before it is collected. Channels that deliver while the turn runs (Direct Line, a
    /// Bot Framework serviceUrl) set it in <c>prepare</c>; it may set the reply's <see cref="Activity.Id"/>.
    /// </summary>
    public Func<Activity, CancellationToken, Task>? Delivering { get; set; }

    public IReadOnlyList<Activity> Replies
    {
        get { lock (_replies) return _replies.ToArray(); }
    }

    internal void Add(Activity activity)
    {
        lock (_replies) _replies.Add(activity);
    }
}
