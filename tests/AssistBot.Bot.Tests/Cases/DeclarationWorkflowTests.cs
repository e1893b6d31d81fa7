using AssistBot.Bot.Cases;
using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Tests.Cases;

public sealed class DeclarationWorkflowTests
{
    private static readonly DeclarationRules Yuzhou = CaseCatalog.Load(Path.Combine(AppContext.BaseDirectory, "packs")).Find("yuzhou-2023")!.Rules;
    private static readonly DateTimeOffset T0 = new(2023, 6, 1, 9, 0, 0, ChinaTime.Offset);

    private static Declaration New() => new()
    {
        Id = "YZ-20230601-0001", CountyId = "yuzhou", Channel = "wechat", UserId = "o1", HeadName = "李四",
        PhoneProtected = "v1:x", Township = "褚河街道", Village = "某村", HouseholdSize = 3, Hardships = [HardshipType.Illness],
        Description = "住院", Status = DeclarationStatus.Submitted, SubmittedAt = T0, UpdatedAt = T0,
        History = [new DeclarationEvent(T0, "wechat:o1", DeclarationAction.Submit, DeclarationStatus.Submitted, null)],
    };

    private static Declaration Do(Declaration d, CadreAction a, int day = 1)
    {
        var r = DeclarationWorkflow.Apply(d, a, "wecom:cadre", T0.AddDays(day), Yuzhou);
        Assert.Equal(WorkflowRefusal.None, r.Refusal);
        return r.Updated!;
    }

    [Fact]
    public void The_happy_path_records_who_and_when_and_the_next_deadline()
    {
        var d = Do(New(), new(DeclarationAction.Accept), 1);
        d = Do(d, new(DeclarationAction.Verify, VerifiedTrue: true, Note: "住院发票已看"), 3);
        d = Do(d, new(DeclarationAction.Include), 10);

        Assert.Equal(DeclarationStatus.Included, d.Status);
        Assert.Equal([DeclarationAction.Submit, DeclarationAction.Accept, DeclarationAction.Verify, DeclarationAction.Include],
            d.History.Select(e => e.Action));
        Assert.All(d.History.Skip(1), e => Assert.Equal("wecom:cadre", e.Actor));
        Assert.Equal(T0.AddDays(3), d.History[2].At);
        Assert.Equal("住院发票已看", d.History[2].Note);
        // 禹州: after 纳入, 帮扶责任人 within 5 days of entering the status
        Assert.Equal(T0.AddDays(15), d.NextStepDue);
        Assert.Contains("帮扶责任人", d.NextStep);
    }

    [Fact]
    public void Open_steps_in_yuzhou_share_the_15_day_limit_from_submission()
    {
        var d = Do(New(), new(DeclarationAction.Accept), 2);
        Assert.Equal(T0.AddDays(15), d.NextStepDue);
    }

    public static TheoryData<DeclarationStatus, bool?, DeclarationAction, WorkflowRefusal> Illegal => new()
    {
        { DeclarationStatus.Submitted, null, DeclarationAction.Verify, WorkflowRefusal.WrongStatus },
        { DeclarationStatus.Submitted, null, DeclarationAction.Include, WorkflowRefusal.WrongStatus },
        { DeclarationStatus.Submitted, null, DeclarationAction.Reject, WorkflowRefusal.WrongStatus },
        { DeclarationStatus.Accepted, null, DeclarationAction.Accept, WorkflowRefusal.WrongStatus },
        { DeclarationStatus.Accepted, null, DeclarationAction.Include, WorkflowRefusal.WrongStatus },
        { DeclarationStatus.Verified, false, DeclarationAction.Include, WorkflowRefusal.NotVerifiedTrue },
        { DeclarationStatus.Included, true, DeclarationAction.Reject, WorkflowRefusal.Closed },
        { DeclarationStatus.Included, true, DeclarationAction.Transfer, WorkflowRefusal.Closed },
        { DeclarationStatus.NotIncluded, false, DeclarationAction.Accept, WorkflowRefusal.Closed },
    };

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Illegal_transitions_are_refused(DeclarationStatus status, bool? verified, DeclarationAction action, WorkflowRefusal expected)
    {
        var d = New() with { Status = status, VerifiedTrue = verified };
        var r = DeclarationWorkflow.Apply(d, new CadreAction(action, VerifiedTrue: true, Note: "x", TransferTo: "someone"), "wecom:c", T0, Yuzhou);
        Assert.Null(r.Updated);
        Assert.Equal(expected, r.Refusal);
    }

    [Fact]
    public void Reject_needs_a_reason_and_transfer_needs_a_target()
    {
        var accepted = Do(New(), new(DeclarationAction.Accept));
        Assert.Equal(WorkflowRefusal.ReasonRequired, DeclarationWorkflow.Apply(accepted, new(DeclarationAction.Reject), "c", T0, Yuzhou).Refusal);
        Assert.Equal(WorkflowRefusal.TargetRequired, DeclarationWorkflow.Apply(accepted, new(DeclarationAction.Transfer), "c", T0, Yuzhou).Refusal);
    }

    [Fact]
    public void Transfer_keeps_the_status_and_names_the_new_cadre()
    {
        var d = Do(New(), new(DeclarationAction.Transfer, TransferTo: "wangwu"));
        Assert.Equal(DeclarationStatus.Submitted, d.Status);
        Assert.Equal("wangwu", d.AssignedCadre);
        Assert.Contains("wangwu", d.History[^1].Note);
    }
}
