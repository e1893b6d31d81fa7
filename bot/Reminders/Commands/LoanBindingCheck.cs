using AssistBot.Bot.Loans;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>A farmer bound to at least one loan or household.</summary>
public sealed class LoanBindingCheck(IBorrowerAccounts accounts, BoundBorrowerAccounts bindings) : IFarmerBindingCheck
{
    public async ValueTask<bool> IsBoundAsync(string county, string openId, CancellationToken cancellationToken = default) =>
        (await accounts.LoansForUserAsync(county, openId, cancellationToken).ConfigureAwait(false)).Count > 0 ||
        await bindings.HasAnyBindingAsync(county, openId, cancellationToken).ConfigureAwait(false);
}
