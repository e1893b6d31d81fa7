using AssistBot.Knowledge.Reminders;

namespace AssistBot.Scheduler.Ports;

/// <summary>A county the reminders run for, with its pack's rules.</summary>
public sealed record ReminderCounty(string Id, string Name, ReminderPack Pack);

/// <summary>The configured counties (implemented by the bot from <c>Counties</c> and the pack files).</summary>
public interface IReminderCounties
{
    IReadOnlyList<ReminderCounty> All { get; }
}

/// <summary>Where each sweep got to, so a restart or a missed firing catches up from there.</summary>
public interface ISweepWatermarks
{
    ValueTask<DateTimeOffset?> GetAsync(string countyId, string sweep, CancellationToken cancellationToken = default);

    /// <summary>Moves the mark forward to <paramref name="to"/> (never backwards, whoever else swept meanwhile).</summary>
    ValueTask AdvanceAsync(string countyId, string sweep, DateTimeOffset to, CancellationToken cancellationToken = default);
}

public enum RepaymentState
{
    Outstanding,

    /// <summary>The borrower said "已还款"; waiting for the cadre's 确认还款.</summary>
    Reported,

    /// <summary>The cadre confirmed the repayment.</summary>
    Confirmed,
}

/// <summary>What a reminder needs to know about a loan (no ID number; the phone already masked).</summary>
public sealed record LoanView(
    string LoanNumber,
    string BorrowerName,
    string PhoneMasked,
    string Township,
    string Village,
    string Bank,
    decimal Amount,
    DateOnly Maturity,
    string? CadreUserId,
    string? CadreName,
    string? BorrowerOpenId,
    RepaymentState Repayment);

/// <summary>Loans by maturity date, read page by page so a sweep over a million loans stays small in memory.</summary>
public interface ILoanBook
{
    /// <summary>Loans maturing on <paramref name="first"/>..<paramref name="last"/> (inclusive), in maturity order.</summary>
    IAsyncEnumerable<LoanView> MaturingAsync(string countyId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default);

    /// <summary>Cadres (WeCom UserIds) responsible for at least one outstanding loan.</summary>
    IAsyncEnumerable<string> CadresWithLoansAsync(string countyId, CancellationToken cancellationToken = default);
}

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

/// <summary>A cadre as reminders need them; <see cref="Villages"/> empty = the whole township ("" township = county level).</summary>
public sealed record CadreContact(string UserId, string Name, string Township, string Title = "", IReadOnlyList<string>? Villages = null);

public interface ICadreDirectory
{
    /// <summary>The township's lead (乡镇负责人) who hears of overdue duties, or null when none is on the roster.</summary>
    ValueTask<CadreContact?> TownshipLeadAsync(string countyId, string township, CancellationToken cancellationToken = default);

    /// <summary>A cadre by WeCom UserId, or by name within a township (as the loan and household files give them).</summary>
    ValueTask<CadreContact?> FindAsync(string countyId, string userIdOrName, string? township, CancellationToken cancellationToken = default);

    /// <summary>Everyone on the county's roster (role duties go to the holders of a role).</summary>
    ValueTask<IReadOnlyList<CadreContact>> ListAsync(string countyId, CancellationToken cancellationToken = default);
}

/// <summary>Bound farmers (WeChat openids) who asked for application-window notices ("订阅").</summary>
public interface IWindowSubscribers
{
    IAsyncEnumerable<string> ListAsync(string countyId, CancellationToken cancellationToken = default);
}

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
