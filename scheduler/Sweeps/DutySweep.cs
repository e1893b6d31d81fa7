using System.Runtime.CompilerServices;
using AssistBot.Knowledge.Calendar;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Texts;
using Microsoft.Extensions.Logging;

namespace AssistBot.Scheduler.Sweeps;

/// <summary>
/// Cadre duties from the pack's cadences: each subject (household, site, station) of a matching category reminds its
/// cadre on the working day a duty falls due, and the township's lead when it is still undone after the grace.
/// </summary>
public sealed class DutySweep(IDutySubjects subjects, IDutyLedger ledger, ICadreDirectory cadres, ChinaWorkdays workdays,
    TimeProvider time, ILogger<DutySweep> logger) : IReminderSweep
{
    public string Name => ReminderKinds.Duty;

    public bool CadreFacing => true;

    public async IAsyncEnumerable<OutboxMessage> ProduceAsync(ReminderCounty county, DateOnly firstDay, DateOnly lastDay,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var duties = county.Pack.Duties;
        if (duties.Items.Count == 0) yield break;
        var now = time.GetUtcNow();
        var leads = new Dictionary<string, CadreContact?>(StringComparer.Ordinal);

        await foreach (var subject in subjects.ListAsync(county.Id, cancellationToken).ConfigureAwait(false))
        {
            var applicable = ApplicableTo(duties, subject).ToList();
            if (applicable.Count == 0) continue;
            var done = await ledger.LastDoneAsync(county.Id, subject.SubjectId, cancellationToken).ConfigureAwait(false);
            foreach (var duty in applicable)
            {
                DateOnly? lastDone = done.TryGetValue(duty.Id, out var d) ? d : null;
                foreach (var occurrence in DutyRules.Occurrences(duty, subject.Since, lastDone, firstDay, lastDay,
                             duties.GraceWorkdays, workdays))
                {
                    var overdue = occurrence.Stage == DutyOccurrence.Overdue;
                    var kind = overdue ? ReminderKinds.DutyOverdue : ReminderKinds.Duty;
                    var wantsLead = overdue || duty.Recipient == "township-lead";
                    var lead = wantsLead || subject.CadreUserId is not { Length: > 0 }
                        ? await LeadAsync(county.Id, subject.Township, leads, cancellationToken).ConfigureAwait(false)
                        : null;
                    var to = wantsLead
                        ? lead?.UserId ?? subject.CadreUserId
                        : subject.CadreUserId is { Length: > 0 } ? subject.CadreUserId : lead?.UserId;
                    if (string.IsNullOrEmpty(to))
                    {
                        logger.LogWarning("Duty {Duty} of {Subject} in {County}: nobody to tell (no cadre, no township lead)",
                            duty.Id, subject.SubjectId, county.Id);
                        continue;
                    }
                    var text = overdue
                        ? ReminderTexts.DutyOverdue(duty, subject, occurrence.DueDate, occurrence.SendDay)
                        : ReminderTexts.DutyDue(duty, subject, occurrence.DueDate, occurrence.SendDay);
                    yield return SweepSupport.Message(ReminderKinds.Key(kind, county.Id, subject.SubjectId, occurrence.DueDate, duty.Id),
                        kind, county, OutboxRecipient.Cadre(to), text, occurrence.SendDay, now, subject.SubjectId, duty.Id);
                }
            }
        }
    }

    private async ValueTask<CadreContact?> LeadAsync(string county, string township, Dictionary<string, CadreContact?> cache,
        CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(township, out var lead))
            cache[township] = lead = await cadres.TownshipLeadAsync(county, township, cancellationToken).ConfigureAwait(false);
        return lead;
    }

    /// <summary>The duties of a pack that apply to a subject.</summary>
    public static IEnumerable<DutyCadence> ApplicableTo(DutySettings duties, DutySubject subject) =>
        duties.Items.Where(d => subject.Categories.Contains(d.AppliesTo, StringComparer.Ordinal) &&
                                !(d.DoneWhenCadreAssigned && subject.CadreUserId is { Length: > 0 }));
}
