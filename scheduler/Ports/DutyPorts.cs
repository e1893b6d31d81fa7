namespace AssistBot.Scheduler.Ports;

/// <summary>
/// Someone or something cadres have duties towards: a household (户编号), a relocation site, a PV station, a water
/// supply works, a workshop, a project asset; or, for role duties, a village, township or the county itself.
/// <see cref="Since"/> anchors rolling and one-off cadences (identification date, 审计决算 date, import date).
/// </summary>
public sealed record DutySubject(
    string SubjectId,
    string Label,
    IReadOnlyList<string> Categories,
    string? CadreUserId,
    string? CadreName,
    string Township,
    DateOnly Since,
    string Village = "");

public interface IDutySubjects
{
    IAsyncEnumerable<DutySubject> ListAsync(string countyId, CancellationToken cancellationToken = default);
}

/// <summary>When each duty towards a subject was last done (recorded by the cadre's "已走访").</summary>
public interface IDutyLedger
{
    /// <summary>Duty id → last completion date for one subject.</summary>
    ValueTask<IReadOnlyDictionary<string, DateOnly>> LastDoneAsync(string countyId, string subjectId,
        CancellationToken cancellationToken = default);

    ValueTask RecordAsync(string countyId, string subjectId, IEnumerable<string> dutyIds, DateOnly done, string by, string? note,
        CancellationToken cancellationToken = default);
}
