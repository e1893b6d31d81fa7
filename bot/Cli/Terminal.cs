using Spectre.Console;

namespace AssistBot.Bot.Cli;

/// <summary>
/// Spectre.Console for a person at a terminal: progress bars and tables. Where output is redirected to a file or a
/// pipe (or captured by a test) the verbs write plain lines instead, so scripts and logs stay readable.
/// </summary>
public static class Terminal
{
    /// <summary>How many problem rows a table shows at a terminal.</summary>
    public const int TableRows = 200;

    /// <summary>A console on standard error when it is a terminal and nobody captures it; null otherwise.</summary>
    public static IAnsiConsole? OnStandardError(TextWriter? captured) =>
        captured is null && !Console.IsErrorRedirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            : null;

    /// <summary>A console on standard output when it is a terminal; null when redirected.</summary>
    public static IAnsiConsole? OnStandardOutput() => Console.IsOutputRedirected ? null : AnsiConsole.Console;

    /// <summary>
    /// Runs <paramref name="work"/> under a progress bar: with <paramref name="total"/> a bar, percentage and time
    /// left; without it a running count. <paramref name="work"/> reports the number of items done.
    /// </summary>
    public static async Task<T> WithProgressAsync<T>(IAnsiConsole console, string description, int? total, Func<Action<int>, Task<T>> work)
    {
        var result = default(T)!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                // Show the task at once: the plain (non-ANSI) renderer skips finished tasks, so an import faster than
                // its first one-second tick would otherwise print no progress line at all.
                context.Refresh();
                result = await work(done =>
                {
                    if (total is null) task.Description = $"{description}：{done} 行";
                    else task.Value = Math.Min(done, total.Value);
                }).ConfigureAwait(false);
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Rows of a file that need a look, as a table: line, what kind (错误/提醒), what is wrong.</summary>
    /// <remarks>At most <see cref="TableRows"/> rows; the caption says how to get all of them (redirect to a file: plain lines).</remarks>
    public static void WriteProblems(IAnsiConsole console, IEnumerable<(int Line, string Kind, string Message)> problems, string redirect = "2>")
    {
        var all = problems.ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("行").RightAligned())
            .AddColumn("")
            .AddColumn("说明");
        foreach (var (line, kind, message) in all.Take(TableRows))
            table.AddRow(new Spectre.Console.Text(line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Spectre.Console.Text(kind, new Style(kind == "错误" ? Color.Red : Color.Yellow)), new Spectre.Console.Text(message));
        if (all.Count > TableRows) table.Caption($"共 {all.Count} 行，只列出前 {TableRows} 行；要看全部，在命令后面加 {redirect} 问题.txt");
        if (table.Rows.Count > 0) console.Write(table);
    }
}
