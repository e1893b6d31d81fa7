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
/// Cadre duties from the pack's cadences. Subject duties: each subject (household, site, station …) of a matching
/// category reminds its cadre on the working day a duty is to be started or falls due, and the township's lead when it
/// is still undone after the grace. Role duties: every holder of the role hears of it for their village, township or
/// the county; undone ones go to the township's lead (county-level ones back to the holders, marked overdue).
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

        if (duties.Items.Any(d => !d.IsRoleDuty))
        {
            await foreach (var subject in subjects.ListAsync(county.Id, cancellationToken).ConfigureAwait(false))
            {
                var applicable = ApplicableTo(duties, subject).ToList();
                if (applicable.Count == 0) continue;
                var done = await ledger.LastDoneAsync(county.Id, subject.SubjectId, cancellationToken).ConfigureAwait(false);
                foreach (var duty in applicable)
                {
                    DateOnly? lastDone = done.TryGetValue(duty.Id, out var d) ? d : null;
                    foreach (var occurrence in DutyRules.Occurrences(duty, subject.Since, lastDone, firstDay, lastDay,
                                 duties.GraceWorkdays, workdays, duties.RemindDaysBefore))
                    {
                        var overdue = occurrence.Stage == DutyOccurrence.Overdue;
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
                            ? ReminderTexts.DutyOverdue(duty, subject, occurrence)
                            : ReminderTexts.DutyDue(duty, subject, occurrence);
                        yield return Message(county, overdue, subject, duty, occurrence, to, text, now, perRecipient: false);
                    }
                }
            }
        }

        var roleDuties = duties.Items.Where(d => d.IsRoleDuty).ToList();
        if (roleDuties.Count == 0) yield break;
        var roster = await cadres.ListAsync(county.Id, cancellationToken).ConfigureAwait(false);
        foreach (var duty in roleDuties)
        foreach (var unit in RoleUnits.For(duties, duty, roster, county.Name))
        {
            var done = await ledger.LastDoneAsync(county.Id, unit.Subject.SubjectId, cancellationToken).ConfigureAwait(false);
            DateOnly? lastDone = done.TryGetValue(duty.Id, out var d) ? d : null;
            foreach (var occurrence in DutyRules.Occurrences(duty, unit.Subject.Since, lastDone, firstDay, lastDay,
                         duties.GraceWorkdays, workdays, duties.RemindDaysBefore))
            {
                if (occurrence.Stage == DutyOccurrence.Due)
                {
                    foreach (var holder in unit.Holders)
                        yield return Message(county, false, unit.Subject, duty, occurrence, holder.UserId,
                            ReminderTexts.RoleDutyDue(duty, unit.Subject, holder, occurrence), now, perRecipient: true);
                    continue;
                }
                var lead = unit.Subject.Township.Length > 0
                    ? await LeadAsync(county.Id, unit.Subject.Township, leads, cancellationToken).ConfigureAwait(false)
                    : null;
                var recipients = lead is not null && unit.Holders.All(h => h.UserId != lead.UserId) ? [lead] : unit.Holders;
                foreach (var recipient in recipients)
                    yield return Message(county, true, unit.Subject, duty, occurrence, recipient.UserId,
                        ReminderTexts.RoleDutyOverdue(duty, unit.Subject, unit.Holders, occurrence), now, perRecipient: true);
            }
        }
    }

    private static OutboxMessage Message(ReminderCounty county, bool overdue, DutySubject subject, DutyCadence duty, DutyOccurrence occurrence,
        string to, string text, DateTimeOffset now, bool perRecipient)
    {
        var kind = overdue ? ReminderKinds.DutyOverdue : ReminderKinds.Duty;
        var stage = perRecipient ? $"{duty.Id}@{to}" : duty.Id;
        return SweepSupport.Message(ReminderKinds.Key(kind, county.Id, subject.SubjectId, occurrence.DueDate, stage),
            kind, county, OutboxRecipient.Cadre(to), text, occurrence.SendDay, now, subject.SubjectId, duty.Id,
            ReminderTexts.DutyTitle(duty, occurrence), subject.Township + "/" + subject.Village);
    }

    private async ValueTask<CadreContact?> LeadAsync(string county, string township, Dictionary<string, CadreContact?> cache,
        CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(township, out var lead))
            cache[township] = lead = await cadres.TownshipLeadAsync(county, township, cancellationToken).ConfigureAwait(false);
        return lead;
    }

    /// <summary>The subject duties of a pack that apply to a subject.</summary>
    public static IEnumerable<DutyCadence> ApplicableTo(DutySettings duties, DutySubject subject) =>
        duties.Items.Where(d => !d.IsRoleDuty && subject.Categories.Contains(d.AppliesTo, StringComparer.Ordinal) &&
                                !(d.DoneWhenCadreAssigned && subject.CadreUserId is { Length: > 0 }));
}
