using AssistBot.Bot.Privacy;
using AssistBot.Bot.Tables;
using Microsoft.AspNetCore.Mvc;

namespace AssistBot.Bot.StaffConsole.Pages.Imports;

/// <summary>导入: upload a CSV or .xlsx, see its first rows (masked), confirm, and follow the import on its own page.</summary>
[RequestSizeLimit(ImportJobs.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportJobs.MaxBytes + 64 * 1024)]
public sealed class ImportsModel(ImportJobs jobs, ConsoleAuditLog audit) : ConsolePageModel
{
    public const int PreviewRows = 10;

    protected override bool CountyOnly => true;

    public ImportUpload? Upload { get; private set; }

    public IReadOnlyList<string> Header { get; private set; } = [];

    public IReadOnlyList<TableRow> Preview { get; private set; } = [];

    public IReadOnlyList<string> MissingColumns { get; private set; } = [];

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? kind, IFormFile? file)
    {
        if (kind is null || ImportKinds.Columns(kind).Count == 0) return Refuse("请选择要导入的类别。");
        if (file is null || file.Length == 0) return Refuse("请选择一个文件。");
        if (file.Length > ImportJobs.MaxBytes) return Refuse("文件太大（最大 20MB），请分成几个文件导入。");
        var name = Path.GetFileName(file.FileName);
        if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return Refuse("只能导入 .csv 或 .xlsx 文件（旧的 .xls 请在 Excel 里另存为 .xlsx）。");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted).ConfigureAwait(false);
        var (table, problem) = ImportJobs.Read(buffer.ToArray(), name);
        if (table is null) return Refuse("文件读不出来：" + problem);
        Upload = jobs.AddUpload(Staff.CountyId, Staff.ActorId, kind, name, buffer.ToArray(), table.Rows.Count);
        Header = table.Header;
        MissingColumns = ImportKinds.Columns(kind).Where(c => !table.HasColumn(c)).ToList();
        Preview = table.Rows.Take(PreviewRows)
            .Select(r => r with { Fields = r.Fields.Select(f => PersonalDataMask.Text(f)).ToList() }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string? uploadId)
    {
        var job = jobs.Start(Staff.CountyId, Staff.ActorId, uploadId ?? "");
        if (job is null) return Refuse("这个上传已过期，请重新选择文件。");
        await audit.RecordAsync(Staff.CountyId, Staff.ActorId, "导入" + ImportKinds.Label(job.Kind), job.FileName, $"{job.Total} 行", HttpContext.RequestAborted).ConfigureAwait(false);
        return Redirect("/console/imports/" + job.Id);
    }

    private IActionResult Refuse(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
