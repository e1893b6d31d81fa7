using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Conversation;

/// <summary>The county a turn belongs to: set by the channel from the endpoint's {county}, read by dialogs.</summary>
public static class TurnContextCountyExtensions
{
    public static ITurnContext WithCounty(this ITurnContext turnContext, County county)
    {
        turnContext.TurnState.Set(county);
        return turnContext;
    }

    public static County County(this ITurnContext turnContext) =>
        turnContext.TurnState.Get<County>()
        ?? throw new InvalidOperationException("The channel did not set the county for this turn.");
}
