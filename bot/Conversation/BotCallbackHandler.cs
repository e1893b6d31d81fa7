namespace AssistBot.Bot.Conversation;

public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
