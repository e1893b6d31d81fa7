using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

public sealed class TurnContext(BotAdapter adapter, Activity activity) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSendActivities = [];

    public BotAdapter Adapter { get; } = adapter;

    public Activity Activity { get; } = activity;

    public TurnContextStateCollection TurnState { get; } = new();

    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : new ResourceResponse("");
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities,
        CancellationToken cancellationToken = default)
    {
        if (activities.Count == 0) return [];
        var reference = Activity.GetConversationReference();
        var outgoing = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            activity.ApplyConversationReference(reference);
            activity.InputHint ??= InputHints.AcceptingInput;
            outgoing.Add(activity);
        }

        Task<ResourceResponse[]> SendThroughAdapter() =>
            Adapter.SendActivitiesAsync(this, outgoing.ToArray(), cancellationToken);

        var responses = await RunHandlers(0).ConfigureAwait(false);
        // A reply held back by a handler (e.g. buffered until state is saved) still counts as responding.
        if (outgoing.Any(a => a.Type != ActivityTypes.Trace)) Responded = true;
        return responses;

        Task<ResourceResponse[]> RunHandlers(int index) => index == _onSendActivities.Count
            ? SendThroughAdapter()
            : _onSendActivities[index](this, outgoing, () => RunHandlers(index + 1));
    }

    /// <summary>Forgets that this turn responded, for a turn that is re-run after its replies were discarded.</summary>
    public void ResetResponded() => Responded = false;

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSendActivities.Add(handler);
        return this;
    }
}
