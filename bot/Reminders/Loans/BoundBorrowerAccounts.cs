using AssistBot.Bot.Cases;

namespace AssistBot.Bot.Reminders.Loans;

/// <summary>
/// A borrower's WeChat account from either place a link is recorded: the farmer's own binding ("绑定", the cases
/// part: name + last 6 of the ID number + phone) or <see cref="StorageBorrowerAccounts"/>.
/// </summary>
public sealed class BoundBorrowerAccounts(IBindingReader bindings, StorageBorrowerAccounts direct) : IBorrowerAccounts
{
    private const string WeChatPrefix = "wechat:";
    private const int BindingsRead = 10;

    public async ValueTask<string?> OpenIdForLoanAsync(string county, string loanNumber, CancellationToken cancellationToken = default)
    {
        if (await direct.OpenIdForLoanAsync(county, loanNumber, cancellationToken).ConfigureAwait(false) is { } openId) return openId;
        var bound = await bindings.BoundUsersAsync(county, LoanSubject(loanNumber), BindingsRead, cancellationToken).ConfigureAwait(false);
        return LatestWeChat(bound);
    }

    /// <summary>Two round trips per page: the direct links, then the farmers' own bindings of the loans without one.</summary>
    public async ValueTask<IReadOnlyList<string?>> OpenIdsForLoansAsync(string county, IReadOnlyList<string> loanNumbers,
        CancellationToken cancellationToken = default)
    {
        var openIds = (string?[])[.. await direct.OpenIdsForLoansAsync(county, loanNumbers, cancellationToken).ConfigureAwait(false)];
        var unlinked = new List<int>();
        for (var i = 0; i < openIds.Length; i++)
            if (openIds[i] is null) unlinked.Add(i);
        if (unlinked.Count == 0) return openIds;
        var bound = await bindings.BoundUsersManyAsync(county, unlinked.ConvertAll(i => LoanSubject(loanNumbers[i])), BindingsRead,
            cancellationToken).ConfigureAwait(false);
        for (var j = 0; j < unlinked.Count; j++) openIds[unlinked[j]] = LatestWeChat(bound[j]);
        return openIds;
    }

    /// <summary>The most recent WeChat binding wins (scores are binding times).</summary>
    private static string? LatestWeChat(IReadOnlyList<string> bound) =>
        bound.LastOrDefault(m => m.StartsWith(WeChatPrefix, StringComparison.Ordinal))?[WeChatPrefix.Length..];

    private static BindingSubject LoanSubject(string loanNumber) => new(BindingRegistry.LoanKind, loanNumber);

    public async ValueTask<IReadOnlyList<string>> LoansForUserAsync(string county, string openId, CancellationToken cancellationToken = default)
    {
        var loans = new List<string>(await direct.LoansForUserAsync(county, openId, cancellationToken).ConfigureAwait(false));
        var binding = await bindings.GetAsync(county, "wechat", openId, cancellationToken).ConfigureAwait(false);
        if (binding is not null)
            loans.AddRange(binding.Subjects.Where(s => s.Kind == "loan").Select(s => LoanStore.Normalize(s.Key)));
        return loans.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>True when the user bound any record (household or loan).</summary>
    public async ValueTask<bool> HasAnyBindingAsync(string county, string openId, CancellationToken cancellationToken = default) =>
        await bindings.GetAsync(county, "wechat", openId, cancellationToken).ConfigureAwait(false) is { Subjects.Count: > 0 };
}
