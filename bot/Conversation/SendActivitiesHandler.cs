using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next);
