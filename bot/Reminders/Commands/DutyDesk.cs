using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Rules;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Texts;
using AssistBot.Scheduler.Time;

namespace AssistBot.Bot.Reminders.Commands;

/// <summary>A cadre's duties: what is due soon, and recording a completion ("已走访") so the next due date follows.</summary>
public sealed class DutyDesk
{
    /// <summary>How far ahead "待走访" looks.</summary>
    public static readonly int LookaheadDays = 7;

    private readonly HouseholdDutySubjects _subjects;
    private readonly IDutyLedger _ledger;
    private readonly ConfiguredReminderCounties _counties;
    private readonly TimeProvider _time;

    public DutyDesk(HouseholdDutySubjects subjects, IDutyLedger ledger, ConfiguredReminderCounties counties, TimeProvider time)
    {
        (_subjects, _ledger, _counties, _time) = (subjects, ledger, counties, time);
    }

    public sealed record DueItem(DutySubject Subject, DutyCadence Duty, DateOnly Due)
    {
        public string Label => $"{Subject.SubjectId} {Subject.Label} {Duty.Name} {ChinaTime.FormatShortDate(Due)}到期";
    }

    private DateOnly Today => ChinaTime.DateOf(_time.GetUtcNow());

    private DutySettings Duties(string county) => _counties.Find(county)?.Pack.Duties ?? new DutySettings();

    /// <summary>Records that the recurring duties (or just <paramref name="dutyId"/>) towards a subject were done today.</summary>
    public async Task<string> RecordVisitAsync(string county, string subjectId, string? dutyId, string by, string? note,
        CancellationToken cancellationToken)
    {
        var subject = await _subjects.FindAsync(county, subjectId, cancellationToken).ConfigureAwait(false);
        if (subject is null) return ReminderTexts.SubjectNotFound(subjectId);
        var applicable = DutySweep.ApplicableTo(Duties(county), subject)
            .Where(d => dutyId is null ? d.Every is not null : d.Id == dutyId)
            .ToList();
        if (applicable.Count == 0) return ReminderTexts.NothingToRecord(subjectId);
        var today = Today;
        await _ledger.RecordAsync(county, subject.SubjectId, applicable.Select(d => d.Id), today, by, note, cancellationToken)
            .ConfigureAwait(false);
        return ReminderTexts.DutyRecorded(subject.SubjectId, applicable.Select(d => (d.Name, DutyRules.NextDue(d, today))).ToList());
    }

    /// <summary>The cadre's duties due (or overdue) within the next week, soonest first.</summary>
    public async Task<IReadOnlyList<DueItem>> DueForCadreAsync(string county, string cadreUserId, CancellationToken cancellationToken)
    {
        var duties = Duties(county);
        var horizon = Today.AddDays(LookaheadDays);
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
                if (CurrentDue(duty, subject.Since, last) is { } due && due <= horizon) items.Add(new DueItem(subject, duty, due));
            }
        }
        return items.OrderBy(i => i.Due).ThenBy(i => i.Subject.SubjectId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The date the duty is (or was) next due; null for a one-off already done.</summary>
    public static DateOnly? CurrentDue(DutyCadence duty, DateOnly since, DateOnly? lastDone)
    {
        if (duty.WithinDays is int within) return lastDone >= since ? null : since.AddDays(within);
        var anchor = lastDone is { } l && l > since ? l : since;
        return DutyRules.Advance(duty, anchor);
    }
}
