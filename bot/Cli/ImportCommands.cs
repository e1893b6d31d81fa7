using System.CommandLine;
using AssistBot.Bot.Cases.Import;

namespace AssistBot.Bot.Cli;

/// <summary>
/// <c>import roster|households|sites FILE --county ID</c> (CSV or .xlsx): the same import as the admin API. Rows with a remark (a 职务
/// no pack knows) are listed after the bad rows.
/// </summary>
public sealed class ImportCommand(string what, CaseImporter importer) : CliVerb
{
    private readonly Argument<string> _file = new("FILE") { Description = "名单文件（CSV 或 .xlsx）" };

    private readonly Option<string> _county = new("--county") { Description = "县的编号，例如 xinfeng", Required = true, HelpName = "ID" };

    public override string Name => "import " + what;

    public override string Description => what switch
    {
        "roster" => "导入干部名单（CSV 或 .xlsx：企业微信账号,姓名,职务,乡镇,村；县级干部乡镇可空）",
        "sites" => "导入光伏电站、安置点等（CSV 或 .xlsx：编号,名称,类型,乡镇,村,负责人[,日期]）",
        _ => "导入户信息（CSV 或 .xlsx：户编号,户主姓名,身份证号,乡镇,村,监测对象类别,纳入日期,帮扶责任人[,联系电话]）",
    };

    public override void Configure(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_county);
    }

    public override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var county = parse.GetRequiredValue(_county);
        var file = parse.GetRequiredValue(_file);
        if (CliRunner.ResolveInputFile(file) is not { } path)
        {
            Console.Error.WriteLine(CliRunner.FileNotFound(file));
            return 2;
        }
        file = path;
        ImportReport report;
        using (var stream = File.OpenRead(file))
        {
            report = !CaseImporter.TryLoad(stream, file, out var table, out var unreadable) ? unreadable : what switch
            {
                "roster" => await importer.ImportRosterAsync(county, table, cancellationToken).ConfigureAwait(false),
                "sites" => await importer.ImportSitesAsync(county, table, cancellationToken).ConfigureAwait(false),
                _ => await importer.ImportHouseholdsAsync(county, table, cancellationToken).ConfigureAwait(false),
            };
        }
        Console.WriteLine($"导入完成：新增 {report.Created} 条，更新 {report.Updated} 条，有问题 {report.Errors.Count} 行" +
                          (report.Remarks.Count > 0 ? $"，需留意 {report.Remarks.Count} 行。" : "。"));
        if (Terminal.OnStandardOutput() is { } terminal)
            Terminal.WriteProblems(terminal, report.Errors.Select(e => (e.Line, "错误", e.Message))
                .Concat(report.Remarks.Select(r => (r.Line, "已导入，需留意", r.Message))), redirect: ">");
        else
        {
            foreach (var error in report.Errors) Console.WriteLine($"  第{error.Line}行：{error.Message}");
            foreach (var remark in report.Remarks) Console.WriteLine($"  第{remark.Line}行（已导入）：{remark.Message}");
        }
        return report.Errors.Count == 0 ? 0 : 1;
    }
}
