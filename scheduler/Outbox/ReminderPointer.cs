namespace AssistBot.Scheduler.Outbox;

/// <summary>
/// A reminder a sweep found due, before it is a message: which subject (the 贷款编号), its due date (the maturity), the
/// stage and the day it goes out. Kind and county are those of its batch. Cheap to make (no loan read): the message is
/// built at delivery time from the subject's facts then (<see cref="Sweeps.IPointerSweep.ExpandAsync"/>).
/// </summary>
public sealed record ReminderPointer(string Subject, DateOnly DueDate, string Stage, DateOnly SendDay);

/// <summary>Pointers claimed together (one kind, county and send day), as handed to delivery under a lease.</summary>
public sealed record PointerBatch(string Id, string Kind, string CountyId, DateOnly SendDay, IReadOnlyList<ReminderPointer> Pointers);
