using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Scheduler.Rules;

/// <summary>
/// The places a role duty is done for, from the roster: each village a holder of a village-level role covers (a
/// holder covering the whole township: the township), each township of a township-level role, the county for a
/// county-level role. Every holder in a place hears of the duty; one "已完成" by any of them counts for the place.
/// </summary>
public static class RoleUnits
{
    public const string CountySubject = "全县";

    public sealed record Unit(DutySubject Subject, IReadOnlyList<CadreContact> Holders);

    /// <summary>The roster entries holding <paramref name="role"/> (by their 职务).</summary>
    public static IEnumerable<CadreContact> Holders(DutySettings duties, DutyRole role, IEnumerable<CadreContact> roster) =>
        roster.Where(c => duties.RoleFor(c.Title) is { } r && r.Name == role.Name);

    public static IReadOnlyList<Unit> For(DutySettings duties, DutyCadence duty, IReadOnlyList<CadreContact> roster, string countyName)
    {
        if (duties.Role(duty.Role) is not { } role) return [];
        var holders = Holders(duties, role, roster).ToList();
        if (holders.Count == 0) return [];
        var categories = new[] { "role:" + role.Name };
        switch (role.Level)
        {
            case DutyRole.CountyLevel:
                return [new Unit(new DutySubject(CountySubject, $"{countyName}（{role.Name}）", categories, null, role.Name, "", DateOnly.MinValue), holders)];
            case DutyRole.TownshipLevel:
                return holders.Where(h => h.Township.Length > 0).GroupBy(h => h.Township, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new Unit(new DutySubject(g.Key, g.Key, categories, null, role.Name, g.Key, DateOnly.MinValue), g.ToList()))
                    .ToList();
            default: // village (and household-level roles, which only receive subject duties, are treated like villages)
                var units = new Dictionary<(string Township, string Village), List<CadreContact>>();
                foreach (var holder in holders.Where(h => h.Township.Length > 0))
                    foreach (var village in holder.Villages is { Count: > 0 } v ? v : [""])
                    {
                        if (!units.TryGetValue((holder.Township, village), out var list)) units[(holder.Township, village)] = list = [];
                        list.Add(holder);
                    }
                return units.OrderBy(u => u.Key.Township, StringComparer.Ordinal).ThenBy(u => u.Key.Village, StringComparer.Ordinal)
                    .Select(u => new Unit(new DutySubject(u.Key.Township + u.Key.Village,
                        u.Key.Village.Length == 0 ? $"{u.Key.Township}（全乡镇）" : $"{u.Key.Township}{u.Key.Village}", categories, null, role.Name,
                        u.Key.Township, DateOnly.MinValue, u.Key.Village), u.Value))
                    .ToList();
        }
    }
}
