namespace AssistBot.Bot.Conversation;

/// <summary>The bot: handles one turn.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

public delegate Task NextDelegate(CancellationToken cancellationToken);

/// <summary>Runs around every turn; not calling <c>next</c> ends the turn early.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
