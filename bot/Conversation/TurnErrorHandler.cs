using System.Text.Json.Nodes;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// The adapter's OnTurnError: logs the exception, tells the user briefly in Chinese (never a stack trace), and removes
/// the conversation's dialog stack so the next message starts clean instead of failing the same way again.
/// </summary>
public sealed class TurnErrorHandler(ConversationState conversationState, StorageOutageLog outage, ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        var activity = turnContext.Activity;
        // Storage down: counted and logged once per outage by the outage log, not a stack trace per message.
        var outageTurn = outage.TurnFailed(exception);
        if (!outageTurn)
            logger.LogError(exception, "Turn failed on {ChannelId} conversation {ConversationId} ({ActivityType})",
                activity.ChannelId, activity.Conversation?.Id, activity.Type);
        try
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(EngineTexts.Apology)).ConfigureAwait(false);
        }
        catch (Exception sendError)
        {
            if (!StorageOutageLog.IsOutage(sendError)) logger.LogError(sendError, "Could not send the error apology");
        }
        if (outageTurn) return; // nothing to clear in storage that cannot be reached
        try
        {
            await ClearDialogStackAsync(turnContext).ConfigureAwait(false);
        }
        catch (Exception clearError)
        {
            if (!outage.TurnFailed(clearError)) logger.LogError(clearError, "Could not clear the dialog stack after a failed turn");
        }
    }

    private async Task ClearDialogStackAsync(ITurnContext turnContext)
    {
        conversationState.Invalidate(turnContext);
        if (turnContext.Activity.Conversation?.Id is not { Length: > 0 } || turnContext.Activity.ChannelId is null) return;
        var storage = conversationState.Storage;
        var key = conversationState.GetStorageKey(turnContext);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var item = await storage.ReadAsync<JsonObject>(key).ConfigureAwait(false);
            if (item is null || !item.Value.ContainsKey(DialogStateProperty.Name)) return;
            item.Value.Remove(DialogStateProperty.Name);
            try
            {
                await storage.WriteAsync(key, item.Value, WriteCondition.For(item), conversationState.TimeToLive).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException) when (attempt < 5)
            {
            }
        }
    }
}
