using System.Collections.Concurrent;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Tables;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// Console imports through the existing importers (<see cref="CaseImporter"/>, <see cref="LoanImporter"/>) and the one
/// tabular reader (CSV or .xlsx): an upload is previewed first, then imported in the background so the page can show
/// progress. Uploads and jobs live in this instance's memory for an hour (a console user stays on one instance).
/// </summary>
public sealed class ImportJobs(CaseImporter cases, LoanImporter loans, TimeProvider time, ILogger<ImportJobs> logger)
{
    public const int MaxBytes = 20 * 1024 * 1024;
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, ImportUpload> _uploads = new();
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new();

    public ImportUpload AddUpload(string county, string actor, string kind, string fileName, byte[] content, int rows)
    {
        Sweep();
        var upload = new ImportUpload(Guid.NewGuid().ToString("N"), county, actor, kind, fileName, content, rows, time.GetUtcNow());
        _uploads[upload.Id] = upload;
        return upload;
    }

    public ImportJob? Job(string county, string id) => _jobs.TryGetValue(id, out var job) && job.CountyId == county ? job : null;

    /// <summary>Starts importing an upload of this county; null when it is unknown or expired.</summary>
    public ImportJob? Start(string county, string actor, string uploadId)
    {
        if (!_uploads.TryRemove(uploadId, out var upload) || upload.CountyId != county) return null;
        var job = new ImportJob
        {
            Id = Guid.NewGuid().ToString("N"), CountyId = county, Actor = actor, Kind = upload.Kind, FileName = upload.FileName,
            Total = upload.Rows, StartedAt = time.GetUtcNow(),
        };
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, upload));
        return job;
    }

    private async Task RunAsync(ImportJob job, ImportUpload upload)
    {
        try
        {
            using var stream = new MemoryStream(upload.Content, writable: false);
            if (job.Kind == ImportKinds.Loans)
            {
                var result = await loans.ImportAsync(job.CountyId, stream, job.FileName, job.Report).ConfigureAwait(false);
                (job.Created, job.Updated) = (result.Created, result.Updated);
                job.Errors = result.Errors.Select(e => (e.Line, e.Message)).ToList();
                job.Remarks = result.Warnings.Select(e => (e.Line, e.Message)).ToList();
            }
            else
            {
                if (!CaseImporter.TryLoad(stream, job.FileName, out var table, out var failure))
                {
                    job.Failure = failure.Errors[0].Message;
                    return;
                }
                var report = job.Kind == ImportKinds.Roster
                    ? await cases.ImportRosterAsync(job.CountyId, table).ConfigureAwait(false)
                    : await cases.ImportHouseholdsAsync(job.CountyId, table).ConfigureAwait(false);
                (job.Created, job.Updated) = (report.Created, report.Updated);
                job.Errors = report.Errors.Select(e => (e.Line, e.Message)).ToList();
                job.Remarks = report.Remarks.Select(e => (e.Line, e.Message)).ToList();
            }
            job.Report(job.Total);
            logger.LogInformation("Console import {Kind} for {County} by {Actor}: {Created} created, {Updated} updated, {Errors} bad rows",
                job.Kind, job.CountyId, job.Actor, job.Created, job.Updated, job.Errors.Count);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            job.Failure = e.Message;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Console import {Kind} for {County} failed", job.Kind, job.CountyId);
            job.Failure = "导入时出错了，请稍后再试；已导入的行保留。";
        }
        finally
        {
            job.Done = true;
        }
    }

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        foreach (var (id, u) in _uploads)
            if (u.At < cutoff) _uploads.TryRemove(id, out _);
        foreach (var (id, j) in _jobs)
            if (j.Done && j.StartedAt < cutoff) _jobs.TryRemove(id, out _);
    }

    /// <summary>Reads a file for its preview: the table, or why it cannot be read.</summary>
    public static (ImportTable? Table, string? Problem) Read(byte[] content, string fileName)
    {
        try
        {
            return (ImportTable.Load(new MemoryStream(content, writable: false), fileName), null);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            return (null, e.Message);
        }
    }
}
