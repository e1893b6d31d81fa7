namespace AssistBot.Bot.Conversation;

public delegate Task NextDelegate(CancellationToken cancellationToken);
