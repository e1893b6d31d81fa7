namespace AssistBot.Knowledge.Reminders;

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
