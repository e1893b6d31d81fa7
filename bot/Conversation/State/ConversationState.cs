using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation.State;

/// <summary>State of one conversation: key "{channelId}/conversations/{conversationId}".</summary>
public sealed class ConversationState(IDocumentStore storage) : BotState(storage, nameof(ConversationState))
{
    public override string GetStorageKey(ITurnContext turnContext) => GetStorageKey(turnContext.Activity);

    public static string GetStorageKey(Activity activity)
    {
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId)) throw new InvalidOperationException("The activity has no conversation id.");
        return string.Concat(channelId, "/conversations/", conversationId);
    }
}
