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
