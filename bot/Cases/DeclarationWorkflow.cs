using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

/// <summary>
/// The status machine of a declaration:
/// 已提交 →受理→ 已受理 →核实(属实|不属实)→ 已核实 →纳入→ 已纳入 (only when 属实);
/// 不纳入 (with a reason) from 已受理 or 已核实; 转交 hands an open case to another cadre without changing its status.
/// Every applied change appends to the audit trail and recomputes the next step and its deadline from the county's rules.
/// </summary>
public static class DeclarationWorkflow
{
    /// <summary>Applies a cadre's action, or says why it is not allowed in the current status.</summary>
    public static WorkflowResult Apply(Declaration declaration, CadreAction action, string actor, DateTimeOffset now,
        DeclarationRules rules)
    {
        var status = declaration.Status;
        DeclarationStatus next;
        bool? verified = declaration.VerifiedTrue;
        var assigned = declaration.AssignedCadre;
        switch (action.Kind)
        {
            case DeclarationAction.Accept when status == DeclarationStatus.Submitted:
                next = DeclarationStatus.Accepted;
                break;
            case DeclarationAction.Verify when status == DeclarationStatus.Accepted:
                next = DeclarationStatus.Verified;
                verified = action.VerifiedTrue ?? throw new ArgumentException("核实 needs 属实 or 不属实.", nameof(action));
                break;
            case DeclarationAction.Include when status == DeclarationStatus.Verified && declaration.VerifiedTrue == true:
                next = DeclarationStatus.Included;
                break;
            case DeclarationAction.Reject when status is DeclarationStatus.Accepted or DeclarationStatus.Verified:
                if (string.IsNullOrWhiteSpace(action.Note)) return WorkflowResult.Refused(WorkflowRefusal.ReasonRequired);
                next = DeclarationStatus.NotIncluded;
                break;
            case DeclarationAction.Transfer when status.IsOpen():
                if (string.IsNullOrWhiteSpace(action.TransferTo)) return WorkflowResult.Refused(WorkflowRefusal.TargetRequired);
                next = status;
                assigned = action.TransferTo;
                break;
            case DeclarationAction.Include when status == DeclarationStatus.Verified:
                return WorkflowResult.Refused(WorkflowRefusal.NotVerifiedTrue);
            default:
                return WorkflowResult.Refused(status.IsOpen() ? WorkflowRefusal.WrongStatus : WorkflowRefusal.Closed);
        }

        var (nextStep, due) = action.Kind == DeclarationAction.Transfer
            ? (declaration.NextStep, declaration.NextStepDue)
            : NextStep(rules, next, declaration.SubmittedAt, now);
        var updated = declaration with
        {
            Status = next,
            VerifiedTrue = verified,
            AssignedCadre = assigned,
            UpdatedAt = now,
            NextStep = nextStep,
            NextStepDue = due,
            History = [.. declaration.History, new DeclarationEvent(now, actor, action.Kind, next,
                action.Kind == DeclarationAction.Transfer ? $"转交 {action.TransferTo}" + (action.Note is null ? "" : "：" + action.Note) : action.Note)],
        };
        return WorkflowResult.Done(updated);
    }

    /// <summary>The next step after entering <paramref name="status"/> and its deadline, per the county's rules.</summary>
    public static (string? Step, DateTimeOffset? Due) NextStep(DeclarationRules rules, DeclarationStatus status,
        DateTimeOffset submittedAt, DateTimeOffset enteredAt)
    {
        if (status == DeclarationStatus.NotIncluded) return (null, null);
        var rule = rules.NextStepAfter(status.Key());
        if (rule is null) return (null, null);
        DateTimeOffset? due = rule.Days is { } days ? (rule.FromSubmission ? submittedAt : enteredAt).AddDays(days) : null;
        return (rule.Step, due);
    }
}
