namespace AssistBot.Scheduler.Rules;

/// <summary>
/// One reminder a duty produces: the date it falls due, the working day the recipient hears of it, and for calendar
/// duties the day its window opened (a completion on or after it counts), the slot (第2次 of 4) and the target figure.
/// </summary>
public readonly record struct DutyOccurrence(string Stage, DateOnly DueDate, DateOnly SendDay)
{
    public const string Due = "due";
    public const string Overdue = "overdue";

    public DateOnly Opens { get; init; }

    public int Slot { get; init; }

    public int Slots { get; init; }

    public string? Target { get; init; }
}
