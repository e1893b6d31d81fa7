using System.Runtime.CompilerServices;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// Prompts borrowers N days before maturity (stages from the pack), on the exact day — a farmer's due date does not
/// move for holidays. A borrower without a bound WeChat account is reached through their cadre instead.
/// </summary>
/// <remarks>
/// Two ways to the same messages, one decision (<see cref="Plan"/>): <see cref="ProduceAsync"/> reads every loan now
/// (previews, hosts without pointers); <see cref="PointAsync"/> reads only the maturity index and
/// <see cref="ExpandAsync"/> reads the loans when the reminder is delivered, so a loan repaid, or a borrower bound on
/// WeChat, after the sweep is seen as it is then.
/// </remarks>
public sealed class LoanRepaymentSweep(ILoanBook loans, TimeProvider time, ILogger<LoanRepaymentSweep> logger) : IPointerSweep
{
    public string Name => ReminderKinds.LoanRepayment;

    public bool CadreFacing => false;

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var daysBefore in county.Pack.Loans.BorrowerStagesDays.Distinct().Order())
        {
            // One range read per stage covers every day of the sweep.
            var first = LoanRules.MaturityForBorrowerPrompt(firstDay, daysBefore);
            var last = LoanRules.MaturityForBorrowerPrompt(lastDay, daysBefore);
            await foreach (var loan in loans.MaturingAsync(county.Id, first, last, cancellationToken).ConfigureAwait(false))
                if (Plan(county, loan, daysBefore, now) is { } message) yield return message;
        }
    }

    public async IAsyncEnumerable<ReminderPointer> PointAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var daysBefore in county.Pack.Loans.BorrowerStagesDays.Distinct().Order())
        {
            var stage = LoanRules.BorrowerStage(daysBefore);
            var first = LoanRules.MaturityForBorrowerPrompt(firstDay, daysBefore);
            var last = LoanRules.MaturityForBorrowerPrompt(lastDay, daysBefore);
            await foreach (var page in loans.MaturityPagesAsync(county.Id, first, last, cancellationToken).ConfigureAwait(false))
                foreach (var due in page)
                    yield return new ReminderPointer(due.LoanNumber, due.Maturity, stage, due.Maturity.AddDays(-daysBefore));
        }
    }

    public async ValueTask<IReadOnlyList<OutboxMessage>> ExpandAsync(ReminderCounty county, IReadOnlyList<ReminderPointer> pointers,
        CancellationToken cancellationToken = default)
    {
        var numbers = new string[pointers.Count];
        for (var i = 0; i < numbers.Length; i++) numbers[i] = pointers[i].Subject;
        var found = await loans.GetManyAsync(county.Id, numbers, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var messages = new List<OutboxMessage>(pointers.Count);
        for (var i = 0; i < pointers.Count; i++)
        {
            var pointer = pointers[i];
            // Gone, or its maturity moved since the sweep (a re-import): the new date is swept on its own.
            if (found[i] is not { } loan || loan.Maturity != pointer.DueDate) continue;
            if (Plan(county, loan, pointer.DueDate.DayNumber - pointer.SendDay.DayNumber, now) is { } message) messages.Add(message);
        }
        return messages;
    }

    /// <summary>
    /// The prompt <paramref name="daysBefore"/> days before the loan's maturity, as the loan stands: none once repaid or
    /// reported repaid; to the borrower's bound WeChat (the cadre passes it on if WeChat fails), else to the cadre, else
    /// recorded as not reachable with the reason.
    /// </summary>
    private OutboxMessage? Plan(ReminderCounty county, LoanView loan, int daysBefore, DateTimeOffset now)
    {
        if (loan.Repayment != RepaymentState.Outstanding) return null;
        var stage = LoanRules.BorrowerStage(daysBefore);
        var sendDay = loan.Maturity.AddDays(-daysBefore);
        var key = ReminderKinds.Key(Name, county.Id, loan.LoanNumber, loan.Maturity, stage);
        // The facts, not the texts: delivery and previews render them (a third of the bytes to store).
        var facts = BorrowerPromptFacts.Of(loan, sendDay);
        var cadre = loan.CadreUserId is { Length: > 0 } id ? OutboxRecipient.Cadre(id) : null;
        if (loan.BorrowerOpenId is { Length: > 0 } openId)
            return SweepSupport.Message(key, Name, county, OutboxRecipient.Farmer(openId), null, sendDay, now, loan.LoanNumber, stage) with
            {
                BorrowerPrompt = facts, FallbackRecipient = cadre,
            };
        if (cadre is not null)
            return SweepSupport.Message(key, Name, county, cadre, null, sendDay, now, loan.LoanNumber, stage) with { BorrowerPrompt = facts };
        logger.LogWarning("Loan {Loan} in {County}: borrower not bound and no cadre on the roster; reminder {Stage} cannot be sent",
            loan.LoanNumber, county.Id, stage);
        return SweepSupport.Message(key, Name, county,
            OutboxRecipient.Unreachable($"borrower not bound; cadre '{loan.CadreName}' not on the roster"), null, sendDay, now,
            loan.LoanNumber, stage) with { BorrowerPrompt = facts };
    }
}
