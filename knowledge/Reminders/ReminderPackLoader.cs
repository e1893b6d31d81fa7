using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Reminders;

/// <summary>Reads and checks <c>reminders.yaml</c> of a county pack.</summary>
public static class ReminderPackLoader
{
    public const string FileName = "reminders.yaml";

    private static readonly string[] Periods = ["week", "month", "quarter", "half-year", "year"];

    /// <summary>The pack's rules, or <see cref="ReminderPack.Empty"/> when the pack has no reminders file.</summary>
    public static ReminderPack LoadPack(string packsDirectory, string packId)
    {
        var path = Path.Combine(packsDirectory, packId, FileName);
        return File.Exists(path) ? Load(path) : ReminderPack.Empty;
    }

    public static ReminderPack Load(string path) => Parse(File.ReadAllText(path), path);

    public static ReminderPack Parse(string yaml, string origin = "reminders.yaml")
    {
        var pack = Read(yaml, origin);
        var problems = Problems(pack);
        if (problems.Count > 0) throw new InvalidDataException($"{origin}: {string.Join("; ", problems)}");
        return pack;
    }

    /// <summary>
    /// Reads and checks one file for the pack catalog: every problem becomes an error with the file and the line of the
    /// entry it names (the catalog keeps its last good rules); null when the file is bad.
    /// </summary>
    public static ReminderPack? Check(string path, List<PackIssue> issues)
    {
        ReminderPack pack;
        try
        {
            pack = Read(File.ReadAllText(path), path);
        }
        catch (InvalidDataException ex)
        {
            issues.Add(PackIssueLines.FromException(path, ex));
            return null;
        }
        var problems = Problems(pack);
        foreach (var problem in problems) issues.Add(PackIssueLines.Locate(path, problem));
        return problems.Count == 0 ? pack : null;
    }

    private static ReminderPack Read(string yaml, string origin) =>
        string.IsNullOrWhiteSpace(yaml) ? new ReminderPack() : PackYaml.Parse<ReminderPack>(yaml, origin, PackYaml.CamelCase);

    private static List<string> Problems(ReminderPack pack)
    {
        var problems = new List<string>();
        if (!TimeOnly.TryParseExact(pack.SendTime, "HH:mm", out _)) problems.Add($"sendTime '{pack.SendTime}' is not HH:mm");
        if (pack.Loans.BorrowerStagesDays.Any(d => d <= 0)) problems.Add("loans.borrowerStagesDays must be positive");
        if (pack.Loans.OverdueEscalationDays.Any(d => d <= 0)) problems.Add("loans.overdueEscalationDays must be positive");
        if (pack.Loans.SupervisionMonths.Any(m => m is < 1 or > 12)) problems.Add("loans.supervisionMonths must be 1–12");
        if (pack.Duties.GraceWorkdays < 0) problems.Add("duties.graceWorkdays must not be negative");
        if (pack.Duties.RemindDaysBefore < 0) problems.Add("duties.remindDaysBefore must not be negative");
        string[] levels = [DutyRole.HouseholdLevel, DutyRole.VillageLevel, DutyRole.TownshipLevel, DutyRole.CountyLevel];
        foreach (var role in pack.Duties.Roles)
        {
            if (string.IsNullOrWhiteSpace(role.Name)) problems.Add("a role has no name");
            if (!levels.Contains(role.Level)) problems.Add($"role {role.Name}: level '{role.Level}' is not one of {string.Join(", ", levels)}");
        }
        foreach (var type in pack.Duties.SubjectTypes)
            if (string.IsNullOrWhiteSpace(type.Id) || string.IsNullOrWhiteSpace(type.Name)) problems.Add($"subject type '{type.Id}' needs an id and a name");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var duty in pack.Duties.Items)
        {
            if (string.IsNullOrWhiteSpace(duty.Id) || !ids.Add(duty.Id)) problems.Add($"duty id '{duty.Id}' is empty or repeated");
            if (string.IsNullOrWhiteSpace(duty.AppliesTo) == string.IsNullOrWhiteSpace(duty.Role))
                problems.Add($"duty {duty.Id}: give either appliesTo or role");
            if (duty.Role.Length > 0 && (duty.IsOneOff || duty.IsRolling))
                problems.Add($"duty {duty.Id}: a role duty follows the calendar (no withinDays/withinMonths, no anchor: last-done)");
            if (duty.Role.Length > 0 && pack.Duties.Role(duty.Role) is null) problems.Add($"duty {duty.Id}: role '{duty.Role}' is not in duties.roles");
            var kinds = (duty.Every is null ? 0 : 1) + (duty.Dates.Count > 0 ? 1 : 0) + (duty.IsOneOff ? 1 : 0);
            if (kinds != 1) problems.Add($"duty {duty.Id}: give exactly one of every, dates, withinDays/withinMonths");
            if (duty.WithinDays is not null && duty.WithinMonths is not null) problems.Add($"duty {duty.Id}: give withinDays or withinMonths, not both");
            if (duty.Every is not null && !Periods.Contains(duty.Every)) problems.Add($"duty {duty.Id}: every '{duty.Every}' is not one of {string.Join(", ", Periods)}");
            if (duty.Anchor is not (DutyCadence.CalendarAnchor or DutyCadence.LastDoneAnchor))
                problems.Add($"duty {duty.Id}: anchor must be calendar or last-done");
            if (duty.IsRolling && (duty.Weekday is not null || duty.Months.Count > 0 || duty.Quarters.Count > 0))
                problems.Add($"duty {duty.Id}: a last-done cadence takes no weekday, months or quarters");
            if (duty.Weekday is not null && (duty.Every != "week" || duty.Weekday is < 1 or > 7)) problems.Add($"duty {duty.Id}: weekday (1–7) goes with every: week");
            if (duty.Months.Any(m => m is < 1 or > 12) || (duty.Months.Count > 0 && duty.Every != "month"))
                problems.Add($"duty {duty.Id}: months (1–12) go with every: month");
            if (duty.Quarters.Any(q => q is < 1 or > 4) || (duty.Quarters.Count > 0 && duty.Every != "quarter"))
                problems.Add($"duty {duty.Id}: quarters (1–4) go with every: quarter");
            foreach (var date in duty.Dates)
                if (date.In(2024) is null) problems.Add($"duty {duty.Id}: date '{date.Date}' is not MM-dd or MM-end");
            if (duty.Times < 1) problems.Add($"duty {duty.Id}: times must be at least 1");
            if (duty.WithinDays is < 1 || duty.WithinMonths is < 1) problems.Add($"duty {duty.Id}: withinDays/withinMonths must be at least 1");
            if (duty.RemindDaysBefore is < 0) problems.Add($"duty {duty.Id}: remindDaysBefore must not be negative");
            if (duty.Recipient is not ("cadre" or "township-lead")) problems.Add($"duty {duty.Id}: recipient must be cadre or township-lead");
            if (string.IsNullOrWhiteSpace(duty.Source)) problems.Add($"duty {duty.Id}: source is missing");
        }
        foreach (var uncovered in pack.Duties.Uncovered)
            if (string.IsNullOrWhiteSpace(uncovered.Phrase) || string.IsNullOrWhiteSpace(uncovered.Source) || string.IsNullOrWhiteSpace(uncovered.Reason))
                problems.Add($"uncovered '{uncovered.Phrase}': phrase, source and reason are all required");
        foreach (var window in pack.Windows)
        {
            if (!IsoDate.TryParse(window.Opens, out var opens) || !IsoDate.TryParse(window.Closes, out var closes))
                problems.Add($"window {window.Id}: opens/closes must be yyyy-MM-dd");
            else if (closes < opens) problems.Add($"window {window.Id}: closes before it opens");
            if (string.IsNullOrWhiteSpace(window.Id) || !ids.Add(window.Id)) problems.Add($"window id '{window.Id}' is empty or repeated");
            if (string.IsNullOrWhiteSpace(window.Source)) problems.Add($"window {window.Id}: source is missing");
        }
        return problems;
    }
}
