using AssistBot.Knowledge.Reminders;

namespace AssistBot.Scheduler.Rules;

/// <summary>Notices of an application window: the day it opens and <see cref="ClosingLeadDays"/> before it closes.</summary>
public static class WindowRules
{
    public const string Opening = "open";
    public const string Closing = "closing";
    public const int ClosingLeadDays = 3;

    public static IEnumerable<(string Stage, DateOnly Day)> Occurrences(ApplicationWindow window, DateOnly firstDay, DateOnly lastDay)
    {
        var opens = window.OpensOn;
        var closingNotice = window.ClosesOn.AddDays(-ClosingLeadDays);
        if (opens >= firstDay && opens <= lastDay) yield return (Opening, opens);
        // A window shorter than the lead time gets only its opening notice.
        if (closingNotice > opens && closingNotice >= firstDay && closingNotice <= lastDay) yield return (Closing, closingNotice);
    }
}
