using AssistBot.Bot.Reminders;
using System.CommandLine;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Loans;

namespace AssistBot.Bot.Cli;

/// <summary><c>import loans FILE --county ID</c>: imports a loan file (CSV or .xlsx), with a progress bar on large files and the bad rows as a table (Spectre.Console) at a terminal; plain lines when redirected.</summary>
public sealed class ImportLoansCommand(LoanImporter importer, Counties counties) : CliVerb
{
    /// <summary>Where output goes (tests capture it); the console by default.</summary>
    internal TextWriter? Output { get; set; }

    internal TextWriter? ErrorOutput { get; set; }

    /// <summary>A terminal for the progress bar and the table of bad rows (tests set one); by default standard error when it is a terminal.</summary>
    internal Spectre.Console.IAnsiConsole? Terminal { get; set; }

    private TextWriter Out => Output ?? Console.Out;

    private TextWriter Err => ErrorOutput ?? Console.Error;

    private const int ProgressBarFrom = 2000;

    private readonly Argument<string> _file = new("FILE") { Description = "贷款名单文件（CSV 或 .xlsx）" };

    private readonly Option<string> _county = new("--county") { Description = "县的编号，例如 xinfeng", Required = true, HelpName = "ID" };

    public override string Name => "import loans";

    public override string Description => "导入小额信贷名单（CSV 或 .xlsx：贷款编号,借款人姓名,身份证号,联系电话,乡镇,村,承贷银行,贷款金额,放款日期,到期日期,帮扶责任人）";

    public override void Configure(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_county);
    }

    public override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var file = parse.GetRequiredValue(_file);
        var countyId = parse.GetRequiredValue(_county);
        if (!counties.TryGet(countyId, out var county))
        {
            Err.WriteLine($"未配置的县：{countyId}（可用：{string.Join("、", counties.All.Select(c => c.Id))}）");
            return 2;
        }
        if (CliRunner.ResolveInputFile(file) is not { } path)
        {
            Err.WriteLine(CliRunner.FileNotFound(file));
            return 2;
        }
        file = path;

        var xlsx = file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        var total = xlsx ? (int?)null : Math.Max(0, File.ReadLines(file).Count() - 1);
        var terminal = Terminal ?? AssistBot.Bot.Cli.Terminal.OnStandardError(ErrorOutput);
        LoanImportResult result;
        try
        {
            using var stream = File.OpenRead(file);
            result = terminal is not null && (total is null || total >= ProgressBarFrom)
                ? await Cli.Terminal.WithProgressAsync(terminal, "导入中", total,
                    progress => importer.ImportAsync(county.Id, stream, file, progress, cancellationToken)).ConfigureAwait(false)
                : await importer.ImportAsync(county.Id, stream, file, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            Err.WriteLine($"无法导入 {file}：{e.Message}");
            return 1;
        }

        if (terminal is not null)
            AssistBot.Bot.Cli.Terminal.WriteProblems(terminal, result.Errors.Select(e => (e.Line, "错误", e.Message))
                .Concat(result.Warnings.Select(w => (w.Line, "提醒", w.Message))));
        else
        {
            foreach (var error in result.Errors) Err.WriteLine("错误 " + error);
            foreach (var warning in result.Warnings) Err.WriteLine("提醒 " + warning);
        }
        Out.WriteLine($"{county.Name}：导入 {result.Imported} 笔（新增 {result.Created}，更新 {result.Updated}），" +
                          $"有误未导入 {result.Errors.Count} 行。");
        return result.Errors.Count == 0 ? 0 : 1;
    }
}
