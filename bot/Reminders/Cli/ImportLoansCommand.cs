using System.CommandLine;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Reminders.Loans;

namespace AssistBot.Bot.Reminders.Cli;

/// <summary><c>import loans FILE --county ID</c>: imports a loan file (CSV or .xlsx), with a progress bar on large files.</summary>
public sealed class ImportLoansCommand(LoanImporter importer, Counties counties) : CliVerb
{
    /// <summary>Where output goes (tests capture it); the console by default.</summary>
    internal TextWriter? Output { get; set; }

    internal TextWriter? ErrorOutput { get; set; }

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
        var total = xlsx ? 0 : Math.Max(0, File.ReadLines(file).Count() - 1);
        var bar = total >= ProgressBarFrom && !Console.IsErrorRedirected ? new ProgressBar(total, Err) : null;
        LoanImportResult result;
        try
        {
            await using var stream = File.OpenRead(file);
            result = await importer.ImportAsync(county.Id, stream, file, bar is null ? null : bar.Report, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            bar?.Done();
            Err.WriteLine($"无法导入 {file}：{e.Message}");
            return 1;
        }
        bar?.Done();

        foreach (var error in result.Errors) Err.WriteLine("错误 " + error);
        foreach (var warning in result.Warnings) Err.WriteLine("提醒 " + warning);
        Out.WriteLine($"{county.Name}：导入 {result.Imported} 笔（新增 {result.Created}，更新 {result.Updated}），" +
                          $"有误未导入 {result.Errors.Count} 行。");
        return result.Errors.Count == 0 ? 0 : 1;
    }

    private sealed class ProgressBar(int total, TextWriter Err)
    {
        private int _lastPercent = -1;

        public void Report(int done)
        {
            var percent = (int)(100L * Math.Min(done, total) / Math.Max(1, total));
            if (percent == _lastPercent) return;
            _lastPercent = percent;
            var filled = percent / 4;
            Err.Write($"\r导入中 [{new string('#', filled)}{new string('.', 25 - filled)}] {percent,3}% {done}/{total}");
        }

        public void Done() => Err.WriteLine();
    }
}
