namespace AssistBot.Bot.Conversation;

/// <summary>The bot: handles one turn.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
