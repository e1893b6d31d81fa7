namespace AssistBot.Bot.Cases;

/// <summary>
/// An imported household (户) from the county's records. ID number and phone are protected; the binding hash
/// lets a farmer link their WeChat account to this household by name + last 6 of the ID number + phone.
/// </summary>
public sealed record Household
{
    public required string CountyId { get; init; }

    /// <summary>户编号 (the key).</summary>
    public required string HouseholdNo { get; init; }

    public required string HeadName { get; init; }

    public required string IdNumberProtected { get; init; }

    public required string IdNumberHash { get; init; }

    public string? PhoneProtected { get; init; }

    public required string Township { get; init; }

    public required string Village { get; init; }

    /// <summary>监测对象类别 (脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户 …), as imported.</summary>
    public string? Category { get; init; }

    public DateOnly? IncludedOn { get; init; }

    /// <summary>帮扶责任人, as imported.</summary>
    public string? ResponsibleCadre { get; init; }

    /// <summary>Binding hash (name, last 6, phone) currently registered for this household, if it has a phone.</summary>
    public string? BindingHash { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}
