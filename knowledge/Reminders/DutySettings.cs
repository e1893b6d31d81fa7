namespace AssistBot.Knowledge.Reminders;

public sealed class DutySettings
{
    /// <summary>Working days after a duty falls due before it escalates to the township's lead.</summary>
    public int GraceWorkdays { get; set; } = 3;

    /// <summary>
    /// For periods (or slots) longer than a month and for fixed dates: the reminder goes out this many days before the
    /// due date (on the working day on or after). Shorter slots remind on their first working day.
    /// </summary>
    public int RemindDaysBefore { get; set; } = 14;

    /// <summary>The roles duties name (帮扶责任人, 驻村干部, 乡镇干部, 县乡村振兴局 …), matched against the roster's 职务.</summary>
    public List<DutyRole> Roles { get; set; } = [];

    /// <summary>Kinds of subject beyond households (光伏电站, 安置点 …) the subject import accepts.</summary>
    public List<SubjectType> SubjectTypes { get; set; } = [];

    public List<DutyCadence> Items { get; set; } = [];

    /// <summary>Cadence phrases of the plan no duty carries, each with its clause and the reason (the coverage test reads it).</summary>
    public List<UncoveredCadence> Uncovered { get; set; } = [];

    /// <summary>The role a roster 职务 names: an exact name or alias first, else the longest name or alias it contains.</summary>
    public DutyRole? RoleFor(string? title)
    {
        var text = (title ?? "").Trim();
        if (text.Length == 0) return null;
        var exact = Roles.FirstOrDefault(r => r.Name == text || r.Aliases.Contains(text));
        if (exact is not null) return exact;
        return Roles.SelectMany(r => r.Aliases.Append(r.Name).Select(a => (Role: r, Alias: a)))
            .Where(x => x.Alias.Length >= 2 && text.Contains(x.Alias, StringComparison.Ordinal))
            .OrderByDescending(x => x.Alias.Length)
            .Select(x => x.Role)
            .FirstOrDefault();
    }

    public DutyRole? Role(string name) => Roles.FirstOrDefault(r => r.Name == name);

    /// <summary>The subject type a file's 类型 names (its name or an alias), or null.</summary>
    public SubjectType? SubjectTypeFor(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 ? null : SubjectTypes.FirstOrDefault(s => s.Id == t || s.Name == t || s.Aliases.Contains(t));
    }
}
