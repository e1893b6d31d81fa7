using System.Runtime.CompilerServices;
using AssistBot.Knowledge.Calendar;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// On the first working day of each month, each cadre gets the list of their borrowers due within the horizon
/// (信丰: 每月1次到期还款提醒); in the pack's supervision months, also the half-yearly 贷后监管 reminder.
/// </summary>
public sealed class LoanDueListSweep(ILoanBook loans, ChinaWorkdays workdays, TimeProvider time) : IReminderSweep
{
    public const string MonthlyStage = "monthly";
    public const string SupervisionStage = "half-year";

    public string Name => ReminderKinds.LoanDueList;

    public bool CadreFacing => true;

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = county.Pack.Loans;
        foreach (var day in SweepSupport.Days(firstDay, lastDay))
        {
            if (!LoanRules.IsDueListDay(day, workdays)) continue;
            var byCadre = new SortedDictionary<string, List<LoanView>>(StringComparer.Ordinal);
            await foreach (var loan in loans.MaturingAsync(county.Id, day, day.AddDays(settings.DueListHorizonDays), cancellationToken)
                               .ConfigureAwait(false))
            {
                if (loan.Repayment == RepaymentState.Confirmed || loan.CadreUserId is not { Length: > 0 } cadre) continue;
                if (!byCadre.TryGetValue(cadre, out var list)) byCadre[cadre] = list = [];
                list.Add(loan);
            }
            foreach (var (cadre, list) in byCadre)
            {
                var text = ReminderTexts.DueList(list[0].CadreName ?? "", list, day, settings);
                yield return SweepSupport.Message(ReminderKinds.Key(Name, county.Id, cadre, day, MonthlyStage), Name, county,
                    OutboxRecipient.Cadre(cadre), text, day, now, cadre, MonthlyStage);
            }

            if (!LoanRules.IsSupervisionDay(day, settings.SupervisionMonths, workdays)) continue;
            await foreach (var cadre in loans.CadresWithLoansAsync(county.Id, cancellationToken).ConfigureAwait(false))
            {
                yield return SweepSupport.Message(ReminderKinds.Key(ReminderKinds.LoanSupervision, county.Id, cadre, day, SupervisionStage),
                    ReminderKinds.LoanSupervision, county, OutboxRecipient.Cadre(cadre), ReminderTexts.Supervision(settings), day, now,
                    cadre, SupervisionStage);
            }
        }
    }
}
