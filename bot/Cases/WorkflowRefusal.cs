using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

public enum WorkflowRefusal
{
    None,
    WrongStatus,
    Closed,
    NotVerifiedTrue,
    ReasonRequired,
    TargetRequired,
}
