using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// Bot Builder's BotAdapter: connects a channel to the bot. It runs the middleware in order, then the bot, and
/// delivers what the turn sends through <see cref="SendActivitiesAsync"/>.
/// </summary>
public abstract class BotAdapter
{
    private readonly List<IMiddleware> _middleware = [];

    /// <summary>Called when the middleware or the bot throws; the default rethrows.</summary>
    public Func<ITurnContext, Exception, Task>? OnTurnError { get; set; }

    public BotAdapter Use(IMiddleware middleware)
    {
        _middleware.Add(middleware);
        return this;
    }

    public abstract Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities,
        CancellationToken cancellationToken);

    /// <summary>Runs a proactive turn for a stored conversation (the callback may send).</summary>
    public virtual Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback,
        CancellationToken cancellationToken)
    {
        var context = new TurnContext(this, reference.GetContinuationActivity());
        return RunPipelineAsync(context, callback, cancellationToken);
    }

    protected async Task RunPipelineAsync(ITurnContext turnContext, BotCallbackHandler? callback,
        CancellationToken cancellationToken)
    {
        // Personal data in what the user typed is masked before anything in the turn can store, echo or log it.
        Privacy.InboundPersonalData.Mask(turnContext.Activity);
        try
        {
            await RunMiddleware(0).ConfigureAwait(false);
        }
        catch (Exception e) when (OnTurnError is not null && e is not OperationCanceledException)
        {
            await OnTurnError(turnContext, e).ConfigureAwait(false);
        }

        Task RunMiddleware(int index)
        {
            if (index < _middleware.Count)
                return _middleware[index].OnTurnAsync(turnContext, ct => RunMiddleware(index + 1), cancellationToken);
            return callback is null ? Task.CompletedTask : callback(turnContext, cancellationToken);
        }
    }
}
