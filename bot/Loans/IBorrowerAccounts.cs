namespace AssistBot.Bot.Loans;

/// <summary>Which WeChat account (openid) a borrower bound to a loan ("绑定"), and the reverse.</summary>
public interface IBorrowerAccounts
{
    ValueTask<string?> OpenIdForLoanAsync(string county, string loanNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="OpenIdForLoanAsync"/> for a page of loans (a sweep's), aligned with <paramref name="loanNumbers"/>.
    /// Implementations read the page in a round trip or two; this default asks loan by loan.
    /// </summary>
    async ValueTask<IReadOnlyList<string?>> OpenIdsForLoansAsync(string county, IReadOnlyList<string> loanNumbers,
        CancellationToken cancellationToken = default)
    {
        var openIds = new string?[loanNumbers.Count];
        for (var i = 0; i < openIds.Length; i++)
            openIds[i] = await OpenIdForLoanAsync(county, loanNumbers[i], cancellationToken).ConfigureAwait(false);
        return openIds;
    }

    /// <summary>Loan numbers bound to a WeChat user.</summary>
    ValueTask<IReadOnlyList<string>> LoansForUserAsync(string county, string openId, CancellationToken cancellationToken = default);
}
