namespace AssistBot.Knowledge.Reminders;

/// <summary>
/// A county's reminder rules, from <c>packs/{pack}/reminders.yaml</c>: loan stages, cadre duty cadences and
/// application windows. Every figure carries the clause it comes from (<c>source</c>).
/// </summary>
public sealed class ReminderPack
{
    /// <summary>Local time (China Standard Time) at which reminders of a day go out, "HH:mm".</summary>
    public string SendTime { get; set; } = "09:00";

    public LoanReminderSettings Loans { get; set; } = new();

    public DutySettings Duties { get; set; } = new();

    public List<ApplicationWindow> Windows { get; set; } = [];

    public TimeOnly SendTimeOfDay => TimeOnly.ParseExact(SendTime, "HH:mm");

    public static ReminderPack Empty { get; } = new();
}

public sealed class LoanReminderSettings
{
    /// <summary>The clause that asks for repayment reminders.</summary>
    public string Source { get; set; } = "";

    /// <summary>Prompts to the borrower, in days before maturity (the date does not move for holidays).</summary>
    public List<int> BorrowerStagesDays { get; set; } = [30, 7, 1];

    /// <summary>Day of the month's first working day list to each cadre: borrowers due within this many days.</summary>
    public int DueListHorizonDays { get; set; } = 30;

    /// <summary>Escalations to the cadre after maturity with no repayment recorded, in days after maturity.</summary>
    public List<int> OverdueEscalationDays { get; set; } = [1, 7];

    /// <summary>Months (1–12) whose first working day brings the 贷后监管 reminder to cadres.</summary>
    public List<int> SupervisionMonths { get; set; } = [];

    public string SupervisionSource { get; set; } = "";

    /// <summary>承贷银行 name → the bank contact's WeCom UserId, told about overdue loans too.</summary>
    public Dictionary<string, string> BankContacts { get; set; } = [];
}

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

/// <summary>A role cadres hold, at the level its duties are done for.</summary>
public sealed class DutyRole
{
    /// <summary>household (the 帮扶责任人 of a subject), village, township or county.</summary>
    public const string HouseholdLevel = "household";
    public const string VillageLevel = "village";
    public const string TownshipLevel = "township";
    public const string CountyLevel = "county";

    public string Name { get; set; } = "";

    public string Level { get; set; } = VillageLevel;

    /// <summary>Other 职务 that mean this role (第一书记 → 驻村干部).</summary>
    public List<string> Aliases { get; set; } = [];
}

/// <summary>A kind of subject other than a household: id (pv-station), name (光伏电站) and aliases for the import's 类型.</summary>
public sealed class SubjectType
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];
}

/// <summary>A cadence phrase of the plan that no duty carries, on purpose.</summary>
public sealed class UncoveredCadence
{
    /// <summary>The phrase as the plan writes it (e.g. 每学期开学后).</summary>
    public string Phrase { get; set; } = "";

    public string Source { get; set; } = "";

    public string Reason { get; set; } = "";
}

/// <summary>
/// A duty: who does it — the responsible cadre of a kind of subject (<see cref="AppliesTo"/>) or every holder of a
/// roster role (<see cref="Role"/>) for their village, township or the county — and when:
/// <list type="bullet">
/// <item>recurring in calendar periods (<see cref="Every"/> week/month/quarter/half-year/year, <see cref="Times"/> slots
/// per period, optionally on a <see cref="Weekday"/>, only in <see cref="Months"/> or <see cref="Quarters"/>), or
/// rolling one interval after the last completion (<see cref="Anchor"/> = last-done);</item>
/// <item>on fixed dates each year (<see cref="Dates"/>: 04-30, 06-end, 06-20), each with an optional target figure;</item>
/// <item>once, within <see cref="WithinDays"/> or <see cref="WithinMonths"/> of the subject's date (identification, 审计决算).</item>
/// </list>
/// </summary>
public sealed class DutyCadence
{
    public const string CalendarAnchor = "calendar";
    public const string LastDoneAnchor = "last-done";

    public string Id { get; set; } = "";

    /// <summary>What the cadre does, as shown to them (e.g. 住房安全上门查看).</summary>
    public string Name { get; set; } = "";

    /// <summary>Subject category: monitoring, monitoring-cleared, new-monitoring, household, relocation, pv-station …</summary>
    public string AppliesTo { get; set; } = "";

    /// <summary>A role of <see cref="DutySettings.Roles"/>: the duty is every holder's, for their area.</summary>
    public string Role { get; set; } = "";

    /// <summary>week, month, quarter, half-year or year; null for a one-off or fixed-date duty.</summary>
    public string? Every { get; set; }

    /// <summary>How many times per period ("每月至少4次" → 4): the period is split into that many slots.</summary>
    public int Times { get; set; } = 1;

    /// <summary>calendar (default: periods of the calendar) or last-done (one interval after the last completion).</summary>
    public string Anchor { get; set; } = CalendarAnchor;

    /// <summary>Weekly duties on a given day, 1 = Monday … 7 = Sunday (每周二 → 2).</summary>
    public int? Weekday { get; set; }

    /// <summary>Only periods in these months (1–12): 5月、10月 → [5, 10].</summary>
    public List<int> Months { get; set; } = [];

    /// <summary>Quarterly duties only in these quarters (1–4): 第二季度 → [2].</summary>
    public List<int> Quarters { get; set; } = [];

    /// <summary>Fixed dates every year ("MM-dd" or "MM-end"), each optionally with the figure to reach by then.</summary>
    public List<DutyDate> Dates { get; set; } = [];

    /// <summary>One-off: due this many days after the subject's date.</summary>
    public int? WithinDays { get; set; }

    /// <summary>One-off: due this many months after the subject's date (审计决算后3个月内).</summary>
    public int? WithinMonths { get; set; }

    /// <summary>Overrides <see cref="DutySettings.RemindDaysBefore"/> for this duty.</summary>
    public int? RemindDaysBefore { get; set; }

    /// <summary>Done as soon as the subject has a responsible cadre (禹州: 5日内明确帮扶责任人).</summary>
    public bool DoneWhenCadreAssigned { get; set; }

    /// <summary>"cadre" (the subject's 帮扶责任人, or the role holders) or "township-lead".</summary>
    public string Recipient { get; set; } = "cadre";

    public string Source { get; set; } = "";

    public bool IsRoleDuty => Role.Length > 0;

    public bool IsRecurring => Every is not null;

    public bool IsOneOff => WithinDays is not null || WithinMonths is not null;

    public bool IsRolling => Anchor == LastDoneAnchor;
}

/// <summary>A fixed date of a duty: "06-30" or "06-end", and what must be reached by then (支出进度50%以上).</summary>
public sealed class DutyDate
{
    public string Date { get; set; } = "";

    public string? Target { get; set; }

    /// <summary>The date in <paramref name="year"/>, or null when <see cref="Date"/> is not MM-dd / MM-end.</summary>
    public DateOnly? In(int year)
    {
        var parts = Date.Split('-');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var month) || month is < 1 or > 12) return null;
        if (parts[1] == "end") return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return int.TryParse(parts[1], out var day) && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }
}

/// <summary>A period in which households apply for something (or a milestone they should know about).</summary>
public sealed class ApplicationWindow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>yyyy-MM-dd, inclusive.</summary>
    public string Opens { get; set; } = "";

    /// <summary>yyyy-MM-dd, inclusive.</summary>
    public string Closes { get; set; } = "";

    /// <summary>Who may apply, in the farmer's words.</summary>
    public string Who { get; set; } = "";

    /// <summary>What to do, in the farmer's words.</summary>
    public string How { get; set; } = "";

    public string Source { get; set; } = "";

    public DateOnly OpensOn => DateOnly.ParseExact(Opens, "yyyy-MM-dd");

    public DateOnly ClosesOn => DateOnly.ParseExact(Closes, "yyyy-MM-dd");
}
