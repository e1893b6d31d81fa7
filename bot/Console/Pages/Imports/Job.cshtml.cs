using Microsoft.AspNetCore.Mvc;

namespace AssistBot.Bot.StaffConsole.Pages.Imports;

/// <summary>One import: a progress bar while it runs (the page refreshes itself each second), then the summary and every bad row.</summary>
public sealed class ImportJobModel(ImportJobs jobs) : ConsolePageModel
{
    protected override bool CountyOnly => true;

    public ImportJob Job { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (jobs.Job(Staff.CountyId, id) is not { } job) return NotFoundPage("没有这次导入（结果保留一小时）。");
        Job = job;
        return Page();
    }
}
