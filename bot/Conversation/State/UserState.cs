using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

/// <summary>State of one user on one channel: key "{channelId}/users/{userId}".</summary>
public sealed class UserState(IDocumentStore storage) : BotState(storage, nameof(UserState))
{
    public override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var userId = activity.From?.Id;
        if (string.IsNullOrEmpty(userId)) throw new InvalidOperationException("The activity has no from.id.");
        return $"{channelId}/users/{userId}";
    }
}
