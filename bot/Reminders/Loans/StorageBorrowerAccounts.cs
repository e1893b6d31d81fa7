using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Reminders.Loans;

/// <summary>
/// Loan ↔ WeChat account links in storage. The binding dialog ("绑定", cases) calls <see cref="BindAsync"/> when a
/// farmer proves they are the borrower; reminders then reach them on WeChat instead of through their cadre.
/// </summary>
public sealed class StorageBorrowerAccounts(IDocumentStore documents, IScoredIndex scoredIndex) : IBorrowerAccounts
{
    public static string LoanAccountKey(string county, string loanNumber) => $"loans/{county}/accounts/{loanNumber}";

    private static string UserLoansIndex(string county, string openId) => $"loans/{county}/idx/user/{openId}";

    public async ValueTask BindAsync(string county, string loanNumber, string openId, CancellationToken cancellationToken = default)
    {
        loanNumber = LoanStore.Normalize(loanNumber);
        await documents.WriteAsync(LoanAccountKey(county, loanNumber), openId, WriteCondition.Always, null, cancellationToken)
            .ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(UserLoansIndex(county, openId), loanNumber, 0, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UnbindAsync(string county, string loanNumber, CancellationToken cancellationToken = default)
    {
        loanNumber = LoanStore.Normalize(loanNumber);
        var item = await documents.ReadAsync<string>(LoanAccountKey(county, loanNumber), cancellationToken).ConfigureAwait(false);
        if (item is null) return;
        await documents.DeleteAsync(LoanAccountKey(county, loanNumber), cancellationToken).ConfigureAwait(false);
        await scoredIndex.IndexRemoveAsync(UserLoansIndex(county, item.Value), loanNumber, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<string?> OpenIdForLoanAsync(string county, string loanNumber, CancellationToken cancellationToken = default) =>
        (await documents.ReadAsync<string>(LoanAccountKey(county, loanNumber), cancellationToken).ConfigureAwait(false))?.Value;

    public async ValueTask<IReadOnlyList<string?>> OpenIdsForLoansAsync(string county, IReadOnlyList<string> loanNumbers,
        CancellationToken cancellationToken = default)
    {
        var keys = new string[loanNumbers.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = LoanAccountKey(county, loanNumbers[i]);
        var items = await documents.ReadManyAsync<string>(keys, cancellationToken).ConfigureAwait(false);
        var openIds = new string?[items.Count];
        for (var i = 0; i < openIds.Length; i++) openIds[i] = items[i]?.Value;
        return openIds;
    }

    public async ValueTask<IReadOnlyList<string>> LoansForUserAsync(string county, string openId, CancellationToken cancellationToken = default)
    {
        var page = await scoredIndex.IndexRangeByScoreAsync(UserLoansIndex(county, openId), double.MinValue, double.MaxValue, 0, 100,
            cancellationToken).ConfigureAwait(false);
        return page.Select(e => e.Member).ToList();
    }
}
