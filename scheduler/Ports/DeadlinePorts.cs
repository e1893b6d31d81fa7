namespace AssistBot.Scheduler.Ports;

/// <summary>
/// A dated obligation another part tracks (e.g. the next step of a self-declaration: 村级核实 by a date); the
/// deadline sweep reminds <see cref="CadreUserId"/> and escalates to the township's lead when it passes.
/// </summary>
public sealed record Deadline(string Kind, string SubjectId, string Title, DateOnly DueDate, string? CadreUserId, string Township,
    string Source);

/// <summary>Deadlines by due date. Parts register implementations (the cases part: declaration steps).</summary>
public interface IDeadlineSource
{
    IAsyncEnumerable<Deadline> DueBetweenAsync(string countyId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default);
}
