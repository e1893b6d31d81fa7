using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

public sealed record WorkflowResult(Declaration? Updated, WorkflowRefusal Refusal)
{
    public static WorkflowResult Done(Declaration d) => new(d, WorkflowRefusal.None);

    public static WorkflowResult Refused(WorkflowRefusal r) => new(null, r);
}
