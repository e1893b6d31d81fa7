using System.Globalization;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Privacy;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Admin;

/// <summary>
/// County staff's API under <c>/admin/{county}/…</c>, behind <c>X-Api-Key</c> (off when Admin:ApiKey is empty):
/// <list type="bullet">
/// <item><c>POST import/roster</c>, <c>POST import/households</c>, <c>POST import/sites</c> — CSV or .xlsx body; returns the import
/// report (bad rows with line numbers; roster rows whose 职务 no pack knows under <c>remarks</c>).</item>
/// <item><c>GET declarations.csv?from=2024-05-01&amp;to=2024-06-01[&amp;personalData=full]</c> — export (dates in China time, to exclusive).</item>
/// <item><c>GET declarations/{id}</c> — one declaration, masked, with its audit trail.</item>
/// </list>
/// </summary>
public static class AdminEndpoints
{
    private const long MaxImportBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/admin/{county}").RequireAdminApiKey();
        group.MapPost("/import/roster", (string county, HttpRequest request, CaseImporter importer, CountyCaseData data, CancellationToken ct) =>
            ImportAsync(county, request, data, table => importer.ImportRosterAsync(county, table, ct), ct));
        group.MapPost("/import/households", (string county, HttpRequest request, CaseImporter importer, CountyCaseData data, CancellationToken ct) =>
            ImportAsync(county, request, data, table => importer.ImportHouseholdsAsync(county, table, ct), ct));
        group.MapPost("/import/sites", (string county, HttpRequest request, CaseImporter importer, CountyCaseData data, CancellationToken ct) =>
            ImportAsync(county, request, data, table => importer.ImportSitesAsync(county, table, ct), ct));
        group.MapGet("/declarations.csv", ExportAsync);
        group.MapGet("/declarations/{id}", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(string county, HttpRequest request, CountyCaseData data,
        Func<Tables.ImportTable, Task<ImportReport>> import, CancellationToken ct)
    {
        if (!data.TryGet(county, out _)) return Results.NotFound();
        if (request.ContentLength > MaxImportBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
        if (buffer.Length > MaxImportBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        buffer.Position = 0;
        ImportReport report;
        try
        {
            report = CaseImporter.TryLoad(buffer, fileName: null, out var table, out var unreadable) ? await import(table).ConfigureAwait(false) : unreadable;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Rows are written one by one and re-importing updates by key, so a retry after the outage is safe.
            request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AssistBot.Admin")
                .LogError(e, "Import into {County} failed part-way", county);
            return Results.Json(new { error = "存储暂时不可用，导入中断。恢复后请重新导入同一文件（已导入的行会按键更新，不会重复）。" },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Json(new
        {
            created = report.Created,
            updated = report.Updated,
            imported = report.Imported,
            errors = report.Errors.Select(e => new { line = e.Line, message = e.Message }),
            remarks = report.Remarks.Select(e => new { line = e.Line, message = e.Message }),
        }, statusCode: report.Imported == 0 && report.Errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ExportAsync(string county, string? from, string? to, string? personalData, CountyCaseData data,
        DeclarationStore store, PersonalDataProtector protector, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!data.TryGet(county, out var countyData)) return Results.NotFound();
        var today = time.Today();
        if (!TryDate(from, today.AddDays(-30), out var fromDate) || !TryDate(to, today.AddDays(1), out var toDate) || toDate <= fromDate)
            return Results.BadRequest(new { error = "from/to 应为 yyyy-MM-dd，且 to 晚于 from" });
        var full = string.Equals(personalData, "full", StringComparison.OrdinalIgnoreCase);
        var list = await store.ListSubmittedAsync(countyData.Id, Start(fromDate), Start(toDate), ct).ConfigureAwait(false);
        if (full)
            loggers.CreateLogger("AssistBot.Admin").LogWarning(
                "Export with full personal data: {Count} declarations of {County} ({From}..{To})", list.Count, county, fromDate, toDate);
        var bytes = DeclarationCsvExport.WriteUtf8WithBom(list, protector, full);
        return Results.File(bytes, "text/csv; charset=utf-8", $"declarations-{county}-{fromDate:yyyyMMdd}-{toDate:yyyyMMdd}.csv");
    }

    private static async Task<IResult> GetAsync(string county, string id, CountyCaseData data, DeclarationStore store,
        PersonalDataProtector protector, CancellationToken ct)
    {
        if (!data.TryGet(county, out var countyData)) return Results.NotFound();
        var d = await store.GetAsync(countyData.Id, id, ct).ConfigureAwait(false);
        if (d is null) return Results.NotFound();
        return Results.Json(new
        {
            id = d.Id,
            county = d.CountyId,
            status = d.Status.Key(),
            statusLabel = CadreTexts.StatusLabel(d),
            headName = d.HeadName,
            idNumber = d.IdNumberProtected is null ? null : PersonalDataMask.IdNumber(protector.Unprotect(d.IdNumberProtected)),
            phone = PersonalDataMask.Phone(protector.Unprotect(d.PhoneProtected)),
            township = d.Township,
            village = d.Village,
            householdSize = d.HouseholdSize,
            hardships = d.Hardships.Select(h => h.Label()),
            description = PersonalDataMask.Text(d.Description),
            estimatedIncomePerCapita = d.EstimatedIncomePerCapita,
            verifiedTrue = d.VerifiedTrue,
            assignedCadre = d.AssignedCadre,
            submittedAt = d.SubmittedAt,
            updatedAt = d.UpdatedAt,
            nextStep = d.NextStep,
            nextStepDue = d.NextStepDue,
            history = d.History.Select(e => new { at = e.At, actor = e.Actor, action = e.Action.ToString(), status = e.StatusAfter.Key(), note = PersonalDataMask.Text(e.Note) }),
        });
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;
            return true;
        }
        return IsoDate.TryParse(text, out date);
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
}
