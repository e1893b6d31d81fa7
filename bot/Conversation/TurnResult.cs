using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

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
