namespace AssistBot.Bot.Conversation;

/// <summary>Runs around every turn; not calling <c>next</c> ends the turn early.</summary>
public interface IMiddleware
{
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
