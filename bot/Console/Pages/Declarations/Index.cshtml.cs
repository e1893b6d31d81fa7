using AssistBot.Bot.Admin;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.StaffConsole.Pages.Declarations;

public sealed class DeclarationsModel(DeclarationQueue queue, CountyCaseData counties, PersonalDataProtector protector,
    TimeProvider time, IOptions<ConsoleOptions> options, ILogger<DeclarationsModel> logger) : ConsolePageModel
{
    public static readonly (string Value, string Label)[] Statuses =
    [
        ("open", "待办（未办结）"), ("all", "全部"), ("submitted", "待受理"), ("accepted", "已受理，待核实"),
        ("verified", "已核实"), ("included", "已纳入"), ("not_included", "不纳入"),
    ];

    [BindProperty(SupportsGet = true)]
    public DeclarationFilter Filter { get; set; } = new();

    public IReadOnlyList<Declaration> Rows { get; private set; } = [];

    public IReadOnlyList<string> Townships { get; private set; } = [];

    public string QueryString => Request.QueryString.HasValue ? Request.QueryString.Value!.TrimStart('?') : "";

    private DateTimeOffset _now;

    public DeadlineBadge Badge(Declaration d) => DeadlineBadge.For(d, _now, options.Value.WarnDays);

    public async Task OnGetAsync()
    {
        _now = time.GetUtcNow();
        if (Staff.Role != StaffRole.County) Filter.Township = null; // their own area already
        Rows = await queue.ListAsync(Staff, Filter, HttpContext.RequestAborted).ConfigureAwait(false);
        Townships = counties.TryGet(Staff.CountyId, out var data) ? data.Places.Townships.Select(t => t.Name).ToList() : [];
    }

    /// <summary>The list as the national system's CSV (the admin export's columns), personal data masked.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        if (Staff.Role != StaffRole.County) Filter.Township = null;
        var rows = await queue.ListAsync(Staff, Filter, HttpContext.RequestAborted).ConfigureAwait(false);
        logger.LogInformation("Console export: {Count} declarations of {County} by {Actor}", rows.Count, Staff.CountyId, Staff.ActorId);
        var bytes = DeclarationCsvExport.WriteUtf8WithBom(rows, protector, fullPersonalData: false);
        return File(bytes, "text/csv; charset=utf-8", $"declarations-{Staff.CountyId}-{time.Today():yyyyMMdd}.csv");
    }
}
