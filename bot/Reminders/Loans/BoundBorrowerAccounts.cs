using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Reminders.Loans;

/// <summary>
/// A borrower's WeChat account from either place a link is recorded: the farmer's own binding ("绑定", the cases
/// part: name + last 6 of the ID number + phone) or <see cref="StorageBorrowerAccounts"/>.
/// </summary>
public sealed class BoundBorrowerAccounts(IStorage storage, StorageBorrowerAccounts direct) : IBorrowerAccounts
{
    private const string WeChatPrefix = "wechat:";

    public async ValueTask<string?> OpenIdForLoanAsync(string county, string loanNumber, CancellationToken cancellationToken = default)
    {
        if (await direct.OpenIdForLoanAsync(county, loanNumber, cancellationToken).ConfigureAwait(false) is { } openId) return openId;
        var bound = await storage.IndexRangeByScoreAsync(CaseRecords.BoundUsers(county, "loan", loanNumber), double.MinValue,
            double.MaxValue, 0, 10, cancellationToken).ConfigureAwait(false);
        // The most recent binding wins (scores are binding times).
        var latest = bound.LastOrDefault(e => e.Member.StartsWith(WeChatPrefix, StringComparison.Ordinal));
        return latest.Member?[WeChatPrefix.Length..];
    }

    public async ValueTask<IReadOnlyList<string>> LoansForUserAsync(string county, string openId, CancellationToken cancellationToken = default)
    {
        var loans = new List<string>(await direct.LoansForUserAsync(county, openId, cancellationToken).ConfigureAwait(false));
        var binding = (await storage.ReadAsync<CaseRecords.UserBinding>(CaseRecords.Binding(county, "wechat", openId), cancellationToken)
            .ConfigureAwait(false))?.Value;
        if (binding is not null)
            loans.AddRange(binding.Subjects.Where(s => s.Kind == "loan").Select(s => LoanStore.Normalize(s.Key)));
        return loans.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when the user bound any record (household or loan).</summary>
    public async ValueTask<bool> HasAnyBindingAsync(string county, string openId, CancellationToken cancellationToken = default) =>
        (await storage.ReadAsync<CaseRecords.UserBinding>(CaseRecords.Binding(county, "wechat", openId), cancellationToken)
            .ConfigureAwait(false))?.Value is { Subjects.Count: > 0 };
}
