namespace AssistBot.Scheduler.Ports;

public enum RepaymentState
{
    Outstanding,

    /// <summary>The borrower said "已还款"; waiting for the cadre's 确认还款.</summary>
    Reported,

    /// <summary>The cadre confirmed the repayment.</summary>
    Confirmed,
}

/// <summary>What a reminder needs to know about a loan (no ID number; the phone already masked).</summary>
public sealed record LoanView(
    string LoanNumber,
    string BorrowerName,
    string PhoneMasked,
    string Township,
    string Village,
    string Bank,
    decimal Amount,
    DateOnly Maturity,
    string? CadreUserId,
    string? CadreName,
    string? BorrowerOpenId,
    RepaymentState Repayment);

/// <summary>A loan's number and maturity, as the maturity index holds them.</summary>
public readonly record struct LoanMaturity(string LoanNumber, DateOnly Maturity);

/// <summary>Loans by maturity date, read page by page so a sweep over a million loans stays small in memory.</summary>
public interface ILoanBook
{
    /// <summary>Loans maturing on <paramref name="first"/>..<paramref name="last"/> (inclusive), in maturity order.</summary>
    IAsyncEnumerable<LoanView> MaturingAsync(string countyId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default);

    /// <summary>Cadres (WeCom UserIds) responsible for at least one outstanding loan.</summary>
    IAsyncEnumerable<string> CadresWithLoansAsync(string countyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Pages of the maturity index over <paramref name="first"/>..<paramref name="last"/>: numbers and dates only, no loan
    /// read (a pointer sweep's input).
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<LoanMaturity>> MaturityPagesAsync(string countyId, DateOnly first, DateOnly last,
        CancellationToken cancellationToken = default);

    /// <summary>The loans by number (one batch read, bindings included), aligned with <paramref name="loanNumbers"/>; null when absent.</summary>
    ValueTask<IReadOnlyList<LoanView?>> GetManyAsync(string countyId, IReadOnlyList<string> loanNumbers,
        CancellationToken cancellationToken = default);
}
