using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Cases;

public enum BindingOutcome
{
    Bound,
    NoMatch,
    LockedOut,
}
