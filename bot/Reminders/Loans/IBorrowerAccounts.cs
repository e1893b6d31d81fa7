namespace AssistBot.Bot.Reminders.Loans;

/// <summary>Which WeChat account (openid) a borrower bound to a loan ("绑定"), and the reverse.</summary>
public interface IBorrowerAccounts
{
    ValueTask<string?> OpenIdForLoanAsync(string county, string loanNumber, CancellationToken cancellationToken = default);

    /// <summary>Loan numbers bound to a WeChat user.</summary>
    ValueTask<IReadOnlyList<string>> LoansForUserAsync(string county, string openId, CancellationToken cancellationToken = default);
}
