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

        async Task<ResourceResponse[]> SendThroughAdapter()
        {
            var responses = await Adapter.SendActivitiesAsync(this, outgoing.ToArray(), cancellationToken).ConfigureAwait(false);
            if (outgoing.Any(a => a.Type != ActivityTypes.Trace)) Responded = true;
            return responses;
        }

        return await RunHandlers(0).ConfigureAwait(false);

        Task<ResourceResponse[]> RunHandlers(int index) => index == _onSendActivities.Count
            ? SendThroughAdapter()
            : _onSendActivities[index](this, outgoing, () => RunHandlers(index + 1));
    }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSendActivities.Add(handler);
        return this;
    }
}
