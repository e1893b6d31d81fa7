using System.Runtime.CompilerServices;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// Prompts borrowers N days before maturity (stages from the pack), on the exact day — a farmer's due date does not
/// move for holidays. A borrower without a bound WeChat account is reached through their cadre instead.
/// </summary>
public sealed class LoanRepaymentSweep(ILoanBook loans, TimeProvider time, ILogger<LoanRepaymentSweep> logger) : IReminderSweep
{
    public string Name => ReminderKinds.LoanRepayment;

    public bool CadreFacing => false;

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var daysBefore in county.Pack.Loans.BorrowerStagesDays.Distinct().Order())
        {
            var stage = LoanRules.BorrowerStage(daysBefore);
            // One range read per stage covers every day of the sweep.
            var first = LoanRules.MaturityForBorrowerPrompt(firstDay, daysBefore);
            var last = LoanRules.MaturityForBorrowerPrompt(lastDay, daysBefore);
            await foreach (var loan in loans.MaturingAsync(county.Id, first, last, cancellationToken).ConfigureAwait(false))
            {
                if (loan.Repayment != RepaymentState.Outstanding) continue;
                var sendDay = loan.Maturity.AddDays(-daysBefore);
                var key = ReminderKinds.Key(Name, county.Id, loan.LoanNumber, loan.Maturity, stage);
                // The facts, not the texts: delivery and previews render them (a third of the bytes to store).
                var facts = BorrowerPromptFacts.Of(loan, sendDay);
                var cadre = loan.CadreUserId is { Length: > 0 } id ? OutboxRecipient.Cadre(id) : null;
                if (loan.BorrowerOpenId is { Length: > 0 } openId)
                {
                    yield return SweepSupport.Message(key, Name, county, OutboxRecipient.Farmer(openId), null, sendDay, now, loan.LoanNumber,
                        stage) with { BorrowerPrompt = facts, FallbackRecipient = cadre };
                }
                else if (cadre is not null)
                {
                    yield return SweepSupport.Message(key, Name, county, cadre, null, sendDay, now, loan.LoanNumber, stage) with
                    {
                        BorrowerPrompt = facts,
                    };
                }
                else
                {
                    logger.LogWarning("Loan {Loan} in {County}: borrower not bound and no cadre on the roster; reminder {Stage} cannot be sent",
                        loan.LoanNumber, county.Id, stage);
                    yield return SweepSupport.Message(key, Name, county,
                        OutboxRecipient.Unreachable($"borrower not bound; cadre '{loan.CadreName}' not on the roster"), null, sendDay, now,
                        loan.LoanNumber, stage) with { BorrowerPrompt = facts };
                }
            }
        }
    }
}
