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

    public List<DutyCadence> Items { get; set; } = [];
}

/// <summary>
/// A duty of cadres towards a kind of subject: recurring (<see cref="Every"/> × <see cref="Times"/>) or one-off
/// within <see cref="WithinDays"/> of the subject's start date (e.g. identification as a monitoring household).
/// </summary>
public sealed class DutyCadence
{
    public string Id { get; set; } = "";

    /// <summary>What the cadre does, as shown to them (e.g. 住房安全上门查看).</summary>
    public string Name { get; set; } = "";

    /// <summary>Subject category: monitoring, monitoring-cleared, new-monitoring, household, relocation, pv-station …</summary>
    public string AppliesTo { get; set; } = "";

    /// <summary>week, month, quarter, half-year or year; null for a one-off duty.</summary>
    public string? Every { get; set; }

    /// <summary>How many times per period ("每月至少4次" → 4).</summary>
    public int Times { get; set; } = 1;

    /// <summary>One-off: due this many days after the subject's start date.</summary>
    public int? WithinDays { get; set; }

    /// <summary>Done as soon as the subject has a responsible cadre (禹州: 5日内明确帮扶责任人).</summary>
    public bool DoneWhenCadreAssigned { get; set; }

    /// <summary>"cadre" (the subject's 帮扶责任人) or "township-lead".</summary>
    public string Recipient { get; set; } = "cadre";

    public string Source { get; set; } = "";
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
