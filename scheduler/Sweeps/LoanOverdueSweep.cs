using System.Runtime.CompilerServices;
using AssistBot.Knowledge.Calendar;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// After maturity with no confirmed repayment, tells the cadre on day 1 and day 7 (pack stages; moved to working
/// days), and the bank's contact where the pack names one.
/// </summary>
public sealed class LoanOverdueSweep(ILoanBook loans, ICadreDirectory cadres, ChinaWorkdays workdays, TimeProvider time) : IReminderSweep
{
    public string Name => ReminderKinds.LoanOverdue;

    public bool CadreFacing => true;

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = county.Pack.Loans;
        foreach (var day in SweepSupport.Days(firstDay, lastDay))
        {
            foreach (var daysAfter in settings.OverdueEscalationDays.Distinct().Order())
            {
                if (LoanRules.MaturitiesForEscalation(day, daysAfter, workdays) is not { } range) continue;
                var stage = LoanRules.OverdueStage(daysAfter);
                await foreach (var loan in loans.MaturingAsync(county.Id, range.First, range.Last, cancellationToken).ConfigureAwait(false))
                {
                    if (loan.Repayment == RepaymentState.Confirmed) continue;
                    var to = loan.CadreUserId is { Length: > 0 } id
                        ? OutboxRecipient.Cadre(id)
                        : await cadres.TownshipLeadAsync(county.Id, loan.Township, cancellationToken).ConfigureAwait(false) is { } lead
                            ? OutboxRecipient.Cadre(lead.UserId)
                            : OutboxRecipient.Unreachable($"cadre '{loan.CadreName}' and {loan.Township}'s lead not on the roster");
                    yield return SweepSupport.Message(ReminderKinds.Key(Name, county.Id, loan.LoanNumber, loan.Maturity, stage),
                            Name, county, to, ReminderTexts.Overdue(loan, daysAfter), day, now, loan.LoanNumber, stage);
                    if (loan.Repayment == RepaymentState.Outstanding && settings.BankContacts.TryGetValue(loan.Bank, out var bank) &&
                        !string.IsNullOrWhiteSpace(bank))
                        yield return SweepSupport.Message(ReminderKinds.Key(Name, county.Id, loan.LoanNumber, loan.Maturity, stage + "-bank"),
                            Name, county, OutboxRecipient.Cadre(bank), ReminderTexts.OverdueForBank(loan, daysAfter), day, now,
                            loan.LoanNumber, stage + "-bank");
                }
            }
        }
    }
}
