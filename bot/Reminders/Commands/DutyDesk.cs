using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Texts;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>
/// A cadre's duties: what is due soon (subject duties of their households and sites, role duties of their village,
/// township or county), and recording a completion ("已完成") so the next due date follows. <see cref="CompleteAsync"/>
/// is the one entry point for every way a cadre says "done": the typed reply now, a WeCom card button or the console
/// later (they pass the subject and duty id the card carries).
/// </summary>
public sealed class DutyDesk
{
    /// <summary>How far ahead "我的任务" looks.</summary>
    public static readonly int LookaheadDays = 7;

    private readonly HouseholdDutySubjects _subjects;
    private readonly IDutyLedger _ledger;
    private readonly ConfiguredReminderCounties _counties;
    private readonly ICadreDirectory _cadres;
    private readonly TimeProvider _time;

    public DutyDesk(HouseholdDutySubjects subjects, IDutyLedger ledger, ConfiguredReminderCounties counties, ICadreDirectory cadres, TimeProvider time)
    {
        (_subjects, _ledger, _counties, _cadres, _time) = (subjects, ledger, counties, cadres, time);
    }

    public sealed record DueItem(DutySubject Subject, DutyCadence Duty, DateOnly Due);

    private DateOnly Today => ChinaTime.DateOf(_time.GetUtcNow());

    private DutySettings Duties(string county) => _counties.Find(county)?.Pack.Duties ?? new DutySettings();

    private string CountyName(string county) => _counties.Find(county)?.Name ?? county;

    /// <summary>"已走访 H001" / "已完成 H001": the recurring duties (or just <paramref name="dutyId"/>) towards a subject, done today.</summary>
    public Task<string> RecordVisitAsync(string county, string subjectId, string? dutyId, string by, string? note,
        CancellationToken cancellationToken) => CompleteAsync(county, by, subjectId, dutyId, note, cancellationToken);

    /// <summary>
    /// Records a completion today by <paramref name="userId"/>: <paramref name="target"/> is a household or site 编号
    /// (its recurring duties, or only <paramref name="dutyId"/>), or the id of a role duty (for the places where the
    /// cadre holds the role), or a place of a role duty with <paramref name="dutyId"/> (a listed line, a card button).
    /// Returns the reply, naming the next due date of each duty recorded.
    /// </summary>
    public async Task<string> CompleteAsync(string county, string userId, string target, string? dutyId, string? note,
        CancellationToken cancellationToken)
    {
        var duties = Duties(county);
        var today = Today;
        var roleDuty = duties.Items.FirstOrDefault(d => d.IsRoleDuty &&
            string.Equals(d.Id, dutyId ?? target, StringComparison.OrdinalIgnoreCase));
        if (roleDuty is not null)
        {
            var roster = await _cadres.ListAsync(county, cancellationToken).ConfigureAwait(false);
            var units = RoleUnits.For(duties, roleDuty, roster, CountyName(county))
                .Where(u => u.Holders.Any(h => h.UserId == userId) && (dutyId is null || u.Subject.SubjectId == target))
                .ToList();
            if (units.Count == 0) return ReminderChatTexts.NotYourRoleDuty(roleDuty.Name, roleDuty.Role);
            foreach (var unit in units)
                await _ledger.RecordAsync(county, unit.Subject.SubjectId, [roleDuty.Id], today, userId, note, cancellationToken).ConfigureAwait(false);
            return ReminderChatTexts.DutyRecorded(string.Join("、", units.Select(u => u.Subject.Label)),
                [(roleDuty.Name, DutyRules.NextDue(roleDuty, today, duties.RemindDaysBefore))]);
        }

        var subject = await _subjects.FindAsync(county, target, cancellationToken).ConfigureAwait(false);
        if (subject is null) return ReminderChatTexts.SubjectNotFound(target);
        var applicable = DutySweep.ApplicableTo(duties, subject)
            .Where(d => dutyId is null ? !d.IsOneOff : string.Equals(d.Id, dutyId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (applicable.Count == 0) return ReminderChatTexts.NothingToRecord(target);
        await _ledger.RecordAsync(county, subject.SubjectId, applicable.Select(d => d.Id), today, userId, note, cancellationToken)
            .ConfigureAwait(false);
        return ReminderChatTexts.DutyRecorded(subject.SubjectId,
            applicable.Select(d => (d.Name, DutyRules.NextDue(d, today, duties.RemindDaysBefore))).ToList());
    }

    /// <summary>The cadre's duties due (or overdue) within the next week, soonest first.</summary>
    public async Task<IReadOnlyList<DueItem>> DueForCadreAsync(string county, string cadreUserId, CancellationToken cancellationToken)
    {
        var duties = Duties(county);
        var today = Today;
        var horizon = today.AddDays(LookaheadDays);
        var items = new List<DueItem>();
        await foreach (var subject in _subjects.ListAsync(county, cancellationToken).ConfigureAwait(false))
        {
            if (subject.CadreUserId != cadreUserId) continue;
            var applicable = DutySweep.ApplicableTo(duties, subject).Where(d => d.Recipient == "cadre").ToList();
            if (applicable.Count == 0) continue;
            var done = await _ledger.LastDoneAsync(county, subject.SubjectId, cancellationToken).ConfigureAwait(false);
            foreach (var duty in applicable)
            {
                DateOnly? last = done.TryGetValue(duty.Id, out var d) ? d : null;
                if (DutyRules.CurrentDue(duty, subject.Since, last, today, duties.RemindDaysBefore) is { } due && due <= horizon)
                    items.Add(new DueItem(subject, duty, due));
            }
        }

        var roleDuties = duties.Items.Where(d => d.IsRoleDuty).ToList();
        if (roleDuties.Count > 0)
        {
            var roster = await _cadres.ListAsync(county, cancellationToken).ConfigureAwait(false);
            foreach (var duty in roleDuties)
            foreach (var unit in RoleUnits.For(duties, duty, roster, CountyName(county)).Where(u => u.Holders.Any(h => h.UserId == cadreUserId)))
            {
                var done = await _ledger.LastDoneAsync(county, unit.Subject.SubjectId, cancellationToken).ConfigureAwait(false);
                DateOnly? last = done.TryGetValue(duty.Id, out var d) ? d : null;
                if (DutyRules.CurrentDue(duty, unit.Subject.Since, last, today, duties.RemindDaysBefore) is { } due && due <= horizon)
                    items.Add(new DueItem(unit.Subject, duty, due));
            }
        }
        return items.OrderBy(i => i.Due).ThenBy(i => i.Subject.SubjectId, StringComparer.Ordinal).ToList();
    }
}
