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
                var forCadre = ReminderTexts.BorrowerPromptForCadre(loan, sendDay);
                var cadre = loan.CadreUserId is { Length: > 0 } id ? OutboxRecipient.Cadre(id) : null;
                if (loan.BorrowerOpenId is { Length: > 0 } openId)
                {
                    yield return SweepSupport.Message(key, Name, county, OutboxRecipient.Farmer(openId),
                        ReminderTexts.BorrowerPrompt(loan, sendDay), sendDay, now, loan.LoanNumber, stage) with
                    {
                        Template = new OutboxTemplate(Name, ReminderTexts.BorrowerTemplateFields(loan, sendDay)),
                        FallbackRecipient = cadre,
                        FallbackText = cadre is null ? null : forCadre,
                    };
                }
                else if (cadre is not null)
                {
                    yield return SweepSupport.Message(key, Name, county, cadre, forCadre, sendDay, now, loan.LoanNumber, stage);
                }
                else
                {
                    logger.LogWarning("Loan {Loan} in {County}: borrower not bound and no cadre on the roster; reminder {Stage} cannot be sent",
                        loan.LoanNumber, county.Id, stage);
                    yield return SweepSupport.Message(key, Name, county,
                        OutboxRecipient.Unreachable($"borrower not bound; cadre '{loan.CadreName}' not on the roster"), forCadre, sendDay, now,
                        loan.LoanNumber, stage);
                }
            }
        }
    }
}
