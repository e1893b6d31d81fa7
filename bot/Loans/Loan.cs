using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Loans;

/// <summary>
/// A 脱贫人口小额信贷 loan, imported from the county's list. The ID number and phone are stored only protected
/// (<see cref="AssistBot.Bot.Privacy.PersonalDataProtector"/>); <see cref="IdNumberHash"/> finds a borrower's loans.
/// </summary>
public sealed record Loan
{
    public required string CountyId { get; init; }

    /// <summary>贷款编号 (the key; re-import updates by it).</summary>
    public required string LoanNumber { get; init; }

    public required string BorrowerName { get; init; }

    public required string IdNumberProtected { get; init; }

    /// <summary>LookupHash("id", 身份证号).</summary>
    public required string IdNumberHash { get; init; }

    public string? PhoneProtected { get; init; }

    /// <summary>139****4321, for texts to cadres.</summary>
    public string PhoneMasked { get; init; } = "";

    public required string Township { get; init; }

    public required string Village { get; init; }

    /// <summary>承贷银行.</summary>
    public required string Bank { get; init; }

    /// <summary>贷款金额 in 元.</summary>
    public required decimal Amount { get; init; }

    public required DateOnly DisbursedOn { get; init; }

    /// <summary>到期日期 (a date in China Standard Time).</summary>
    public required DateOnly Maturity { get; init; }

    /// <summary>帮扶责任人 as the file gives it (name or WeCom account).</summary>
    public string? CadreName { get; init; }

    /// <summary>The cadre's WeCom UserId, when the roster knows them.</summary>
    public string? CadreUserId { get; init; }

    /// <summary>The binding lookup hash (name, last 6 of the ID number, phone) registered for "绑定", when there is a phone.</summary>
    public string? BindingHash { get; init; }

    public RepaymentState Repayment { get; init; } = RepaymentState.Outstanding;

    public DateTimeOffset? RepaymentReportedAt { get; init; }

    public DateTimeOffset? RepaymentConfirmedAt { get; init; }

    public string? RepaymentConfirmedBy { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}
