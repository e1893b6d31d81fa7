using System.Collections.Concurrent;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Tables;

namespace AssistBot.Bot.StaffConsole;

/// <summary>One import run: rows done so far for the progress bar, then the importer's report.</summary>
public sealed class ImportJob
{
    public required string Id { get; init; }
    public required string CountyId { get; init; }
    public required string Actor { get; init; }
    public required string Kind { get; init; }
    public required string FileName { get; init; }
    public required int Total { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    private int _processed;

    public int Processed => Volatile.Read(ref _processed);

    public void Report(int processed) => Volatile.Write(ref _processed, processed);

    public bool Done { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public IReadOnlyList<(int Line, string Message)> Errors { get; set; } = [];

    public IReadOnlyList<(int Line, string Message)> Remarks { get; set; } = [];

    /// <summary>Why the whole file was refused (unreadable, missing columns).</summary>
    public string? Failure { get; set; }
}
