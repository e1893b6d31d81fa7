using AssistBot.Bot.Cases;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// The declarations a staff member may see, filtered: read through <see cref="DeclarationStore"/> (submitted in the date
/// range, 180 days back by default) and cut to their area by <see cref="StaffUser.CanSee"/>.
/// </summary>
public sealed class DeclarationQueue(DeclarationStore store, TimeProvider time)
{
    public const int DefaultDays = 180;

    public async Task<IReadOnlyList<Declaration>> ListAsync(StaffUser staff, DeclarationFilter filter, CancellationToken ct)
    {
        var today = time.Today();
        var from = filter.From ?? today.AddDays(-DefaultDays);
        var to = (filter.To ?? today).AddDays(1);
        var list = await store.ListSubmittedAsync(staff.CountyId, Start(from), Start(to), ct).ConfigureAwait(false);
        var status = string.IsNullOrEmpty(filter.Status) ? "open" : filter.Status;
        return list.Where(staff.CanSee)
            .Where(d => status == "all" || (status == "open" ? d.IsOpen : d.Status.Key() == status))
            .Where(d => string.IsNullOrEmpty(filter.Township) || d.Township == filter.Township)
            .Where(d => string.IsNullOrEmpty(filter.Village) || d.Village.Contains(filter.Village, StringComparison.Ordinal))
            .Where(d => string.IsNullOrEmpty(filter.Type) || d.Hardships.Any(h => h.ToString() == filter.Type))
            .OrderBy(d => d.IsOpen ? 0 : 1)
            .ThenBy(d => d.NextStepDue ?? DateTimeOffset.MaxValue)
            .ThenBy(d => d.SubmittedAt)
            .ToList();
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
}
