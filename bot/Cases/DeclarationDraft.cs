namespace AssistBot.Bot.Cases;

/// <summary>
/// The answers of a declaration being filled in. Kept in its own document with a 7-day time-to-live (refreshed on
/// every answer), so a form abandoned for 7 days disappears without a trace; the dialog state only holds which
/// question is open. 身份证号 and phone are held protected, like in the record.
/// </summary>
public sealed record DeclarationDraft
{
    public string? HeadName { get; init; }
    public string? IdNumberProtected { get; init; }
    public bool IdNumberDeferred { get; init; }
    public string? PhoneProtected { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    public int? HouseholdSize { get; init; }
    public IReadOnlyList<HardshipType>? Hardships { get; init; }
    public string? Description { get; init; }
    public decimal? Income { get; init; }
    public bool IncomeAnswered { get; init; }

    /// <summary>Set once submitted, so a re-run turn shows the same result instead of filing again.</summary>
    public string? SubmittedId { get; init; }

    public bool SubmittedAsDuplicate { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
