using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// Everything about one turn (one incoming activity), as in Bot Builder: the activity, a way to send replies,
/// and a per-turn bag of services and state.
/// </summary>
public interface ITurnContext
{
    BotAdapter Adapter { get; }

    Activity Activity { get; }

    /// <summary>Per-turn state and services (keyed by type or by name); gone when the turn ends.</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>True once a non-trace activity has been sent in this turn.</summary>
    bool Responded { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Registers a handler that sees (and may change) activities before they are sent.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}
