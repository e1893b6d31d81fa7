using AssistBot.Bot.Cases;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// The 提醒 page's reading of the outbox (the scheduler's records, through <see cref="IOutbox"/> and
/// <see cref="IDeliveryRecords"/>), cut to what a staff member's area covers: county staff everything; township and
/// village staff the farmers whose responsible (fallback) cadre is in their township, or is them.
/// </summary>
public sealed class ReminderReport(IOutbox outbox, IDeliveryRecords records, RosterStore roster, ConsoleAuditLog audit, TimeProvider time,
    IReminderPointers? pointers = null)
{
    /// <summary>
    /// The county's reminders that are due or coming and not yet made into messages (a sweep claims them; delivery
    /// makes them as it sends): county-wide, whatever the staff member's area.
    /// </summary>
    public async Task<long> UnexpandedAsync(StaffUser staff, CancellationToken ct) =>
        pointers is null ? 0 : await pointers.UnexpandedAsync(staff.CountyId, ct).ConfigureAwait(false);

    public const string HandledAction = "提醒已电话联系";
    private const int Scan = 5000;

    public async Task<ReminderTotals> TotalsAsync(StaffUser staff, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var cadres = await CadresAsync(staff, ct).ConfigureAwait(false);
        var sent = (await outbox.ListAsync(OutboxStatus.Sent, 0, Scan, ct).ConfigureAwait(false))
            .Where(e => e.CompletedAt >= from && e.CompletedAt < to && Covers(staff, cadres, e.Message)).ToList();
        var failed = (await outbox.ListAsync(OutboxStatus.Failed, 0, Scan, ct).ConfigureAwait(false))
            .Where(e => e.CompletedAt >= from && e.CompletedAt < to && Covers(staff, cadres, e.Message)).ToList();
        return new ReminderTotals(
            sent.GroupBy(e => (e.Message.Kind, Route: e.DeliveredVia ?? "-")).Select(g => (g.Key.Kind, g.Key.Route, g.Count()))
                .OrderBy(x => x.Kind, StringComparer.Ordinal).ThenBy(x => x.Route, StringComparer.Ordinal).ToList(),
            failed.GroupBy(e => e.Message.Kind).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key, StringComparer.Ordinal).ToList(),
            failed.OrderByDescending(e => e.CompletedAt).Take(200).ToList());
    }

    /// <summary>Sent and failed per China day for <paramref name="days"/> days from <paramref name="from"/>.</summary>
    public async Task<IReadOnlyList<(int Sent, int Failed)>> DailyAsync(StaffUser staff, DateTimeOffset from, int days, CancellationToken ct)
    {
        var cadres = await CadresAsync(staff, ct).ConfigureAwait(false);
        var to = from.AddDays(days);
        var result = new (int Sent, int Failed)[days];
        foreach (var (status, failed) in new[] { (OutboxStatus.Sent, false), (OutboxStatus.Failed, true) })
            foreach (var e in await outbox.ListAsync(status, 0, Scan, ct).ConfigureAwait(false))
            {
                if (e.CompletedAt is not { } at || at < from || at >= to || !Covers(staff, cadres, e.Message)) continue;
                var i = (int)((at - from).TotalDays);
                result[i] = failed ? (result[i].Sent, result[i].Failed + 1) : (result[i].Sent + 1, result[i].Failed);
            }
        return result;
    }

    public async Task<IReadOnlyList<CallListRow>> CallListAsync(StaffUser staff, DateOnly day, CancellationToken ct)
    {
        var cadres = await CadresAsync(staff, ct).ConfigureAwait(false);
        var handled = (await audit.ListAsync(staff.CountyId, null, 2000, ct).ConfigureAwait(false)).Where(a => a.Action == HandledAction)
            .GroupBy(a => a.Subject).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<CallListRow>();
        foreach (var entry in await records.ListNotReachedAsync(staff.CountyId, day, 500, ct).ConfigureAwait(false))
        {
            var message = (await outbox.GetAsync(entry.Id, ct).ConfigureAwait(false))?.Message;
            if (message is null || !Covers(staff, cadres, message)) continue;
            var cadre = message.FallbackRecipient is { } f && cadres.TryGetValue(f.UserId, out var c) ? c : null;
            rows.Add(new CallListRow(entry, cadre, handled.GetValueOrDefault(entry.Id)));
        }
        return rows.OrderBy(r => r.Handled is null ? 0 : 1).ThenBy(r => r.Entry.DueAt).ToList();
    }

    /// <summary>Sends the reminder again now (a new outbox entry with its own key); null when it is not theirs.</summary>
    public async Task<bool> ResendAsync(StaffUser staff, string entryId, CancellationToken ct)
    {
        var entry = await outbox.GetAsync(entryId, ct).ConfigureAwait(false);
        if (entry is null || !Covers(staff, await CadresAsync(staff, ct).ConfigureAwait(false), entry.Message)) return false;
        var now = time.GetUtcNow();
        await outbox.EnqueueAsync(entry.Message with
        {
            IdempotencyKey = $"{entry.Message.IdempotencyKey}:console-resend:{now.ToUnixTimeSeconds()}",
            DueAt = now,
            CreatedAt = now,
        }, ct).ConfigureAwait(false);
        await audit.RecordAsync(staff.CountyId, staff.ActorId, "重发提醒", entryId, null, ct).ConfigureAwait(false);
        return true;
    }

    public async Task<bool> MarkHandledAsync(StaffUser staff, string entryId, string? note, CancellationToken ct)
    {
        var entry = await outbox.GetAsync(entryId, ct).ConfigureAwait(false);
        if (entry is null || !Covers(staff, await CadresAsync(staff, ct).ConfigureAwait(false), entry.Message)) return false;
        await audit.RecordAsync(staff.CountyId, staff.ActorId, HandledAction, entryId, note, ct).ConfigureAwait(false);
        return true;
    }

    private async Task<Dictionary<string, Cadre>> CadresAsync(StaffUser staff, CancellationToken ct) =>
        (await roster.ListAsync(staff.CountyId, ct).ConfigureAwait(false)).ToDictionary(c => c.UserId, StringComparer.Ordinal);

    private static bool Covers(StaffUser staff, IReadOnlyDictionary<string, Cadre> cadres, OutboxMessage m)
    {
        if (m.CountyId != staff.CountyId) return false;
        if (staff.Role == StaffRole.County) return true;
        var responsible = m.FallbackRecipient?.UserId ?? (m.Recipient.Channel == OutboxRecipient.WeCom ? m.Recipient.UserId : null);
        if (responsible is null) return false;
        if (responsible == staff.UserId) return true;
        return staff.Role == StaffRole.Township && cadres.TryGetValue(responsible, out var c) && c.Township == staff.Cadre.Township;
    }
}
