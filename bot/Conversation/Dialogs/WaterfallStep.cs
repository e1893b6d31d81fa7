namespace AssistBot.Bot.Conversation.Dialogs;

public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
