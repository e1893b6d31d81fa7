namespace AssistBot.Bot.Cases;

/// <summary>
/// A submitted 农户自主申报. Drafts live in dialog state; a record exists only once the farmer confirmed it.
/// 身份证号 and phone are stored only protected (<see cref="Privacy.PersonalDataProtector"/>); the ID number is
/// found by its keyed hash. <see cref="Description"/> may hold health details: only cadres of the area see it.
/// </summary>
public sealed record Declaration
{
    /// <summary>Reference number, e.g. XF-20240515-0007.</summary>
    public required string Id { get; init; }

    public required string CountyId { get; init; }

    /// <summary>The farmer who declared: channel ("wechat", …) and user id (openid).</summary>
    public required string Channel { get; init; }

    public required string UserId { get; init; }

    public required string HeadName { get; init; }

    /// <summary>Protected 身份证号; null when the farmer chose 不方便提供 (a cadre collects it in person).</summary>
    public string? IdNumberProtected { get; init; }

    /// <summary>LookupHash("id", 身份证号), for duplicate checks; null without an ID number.</summary>
    public string? IdNumberHash { get; init; }

    public required string PhoneProtected { get; init; }

    public required string Township { get; init; }

    public required string Village { get; init; }

    public required int HouseholdSize { get; init; }

    public required IReadOnlyList<HardshipType> Hardships { get; init; }

    public required string Description { get; init; }

    /// <summary>预计家庭年人均纯收入 (元), when the farmer gave one.</summary>
    public decimal? EstimatedIncomePerCapita { get; init; }

    public required DeclarationStatus Status { get; init; }

    /// <summary>The result of 入户核实 once recorded: true = 属实.</summary>
    public bool? VerifiedTrue { get; init; }

    /// <summary>A cadre this case was handed to with 转交 (besides the cadres of the area).</summary>
    public string? AssignedCadre { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What happens next, and by when (from the county's rules; null when no source gives a limit).</summary>
    public string? NextStep { get; init; }

    public DateTimeOffset? NextStepDue { get; init; }

    /// <summary>Every change: who, when, what (the audit trail).</summary>
    public required IReadOnlyList<DeclarationEvent> History { get; init; }

    public bool IsOpen => Status.IsOpen();
}
