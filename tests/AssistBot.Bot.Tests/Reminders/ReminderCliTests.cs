using System.Text.Json;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// The CLI as an operator uses it, over the service's real registrations (CLI mode, embedded store):
/// <c>import loans FILE --county xinfeng</c>, then <c>reminders preview --county xinfeng --from 2024-05-01 --days 31 --json</c>.
/// </summary>
public sealed class ReminderCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-cli-").FullName;
    private readonly TestServiceHost _host;

    public ReminderCliTests()
    {
        var settings = AssistBotFactory.TwoCounties("xinfeng");
        settings["Storage:DataDirectory"] = _directory;
        settings["DataProtection:Key"] = Convert.ToBase64String(ReminderWorld.DataKey);
        _host = TestServiceHost.Build(settings);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        foreach (var command in _host.Services.GetServices<ICliCommand>())
        {
            if (command is ImportLoansCommand import) (import.Output, import.ErrorOutput) = (output, error);
            if (command is PreviewRemindersCommand preview) (preview.Output, preview.ErrorOutput) = (output, error);
        }
        var code = await CliRunner.RunAsync(_host.Services, args, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private async Task SeedRosterAsync()
    {
        var storage = _host.Services.GetRequiredService<IStorage>();
        foreach (var (id, name, township) in new[] { ("liu.ganbu", "刘干部", "大塘埠镇"), ("chen.ganbu", "陈干部", "嘉定镇") })
        {
            await ReminderWorld.SeedCadreAsync(storage, "xinfeng", id, name, "驻村工作队员", township);
        }
    }

    [Fact]
    public async Task Preview_json_for_xinfeng_may_2024_shows_each_imported_loans_stages_on_the_right_dates()
    {
        await SeedRosterAsync();
        var import = await RunAsync("import", "loans", ReminderWorld.DataFile("xinfeng-loans.csv"), "--county", "xinfeng");
        Assert.Equal(1, import.Code); // two bad rows
        Assert.Contains("导入 4 笔", import.Out);
        Assert.Contains("第4行：身份证号无效", import.Err);
        Assert.Contains("第7行：", import.Err);

        var (code, output, _) = await RunAsync("reminders", "preview", "--county", "xinfeng", "--from", "2024-05-01", "--days", "31", "--json");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<Dictionary<string, string>>(l)!).ToList();
        var loans = lines.Where(l => l["kind"] is "loan-repayment" or "loan-overdue")
            .Select(l => (l["due"], l["kind"], l["stage"], l["subject"])).ToList();
        Assert.Equal(
        [
            ("2024-05-01T09:00:00+08:00", "loan-repayment", "30d", "XF2024001"),
            ("2024-05-03T09:00:00+08:00", "loan-repayment", "7d", "XF2024002"),
            ("2024-05-06T09:00:00+08:00", "loan-overdue", "overdue-1d", "XF2024004"),
            ("2024-05-07T09:00:00+08:00", "loan-overdue", "overdue-7d", "XF2024004"),
            ("2024-05-09T09:00:00+08:00", "loan-repayment", "1d", "XF2024002"),
            ("2024-05-11T09:00:00+08:00", "loan-overdue", "overdue-1d", "XF2024002"),
            ("2024-05-16T09:00:00+08:00", "loan-repayment", "30d", "XF2024003"),
            ("2024-05-17T09:00:00+08:00", "loan-overdue", "overdue-7d", "XF2024002"),
            ("2024-05-24T09:00:00+08:00", "loan-repayment", "7d", "XF2024001"),
            ("2024-05-30T09:00:00+08:00", "loan-repayment", "1d", "XF2024001"),
        ], loans);
        var dueList = Assert.Single(lines, l => l["kind"] == "loan-due-list");
        Assert.Equal(("2024-05-06T09:00:00+08:00", "monthly", "wecom"), (dueList["due"], dueList["stage"], dueList["channel"]));
        // Unbound borrowers are reached through their cadre; recipients are masked.
        Assert.All(lines, l => Assert.DoesNotContain("ganbu", l["recipient"]));
        Assert.Contains(lines, l => l["subject"] == "XF2024003" && l["recipient"] == "ch****bu" && l["channel"] == "wecom");
        // Nothing was queued or sent by a preview.
        Assert.Equal(0, (await _host.Services.GetRequiredService<AssistBot.Scheduler.Outbox.IOutbox>().CountsAsync()).Enqueued);
    }

    [Fact]
    public async Task Half_yearly_post_loan_supervision_reaches_each_cadre_with_loans_on_the_first_working_day_of_june()
    {
        await SeedRosterAsync();
        await RunAsync("import", "loans", ReminderWorld.DataFile("xinfeng-loans.csv"), "--county", "xinfeng");

        var (_, output, _) = await RunAsync("reminders", "preview", "--county", "xinfeng", "--from", "2024-06-01", "--days", "5", "--json");

        var supervision = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<Dictionary<string, string>>(l)!)
            .Where(l => l["kind"] == "loan-supervision").ToList();
        Assert.Equal(["chen.ganbu", "liu.ganbu"], supervision.Select(l => l["subject"]).Order());
        Assert.All(supervision, l => Assert.Equal("2024-06-03T09:00:00+08:00", l["due"])); // 6/1–6/2 is a weekend
    }

    [Fact]
    public async Task An_xlsx_loan_file_imports_and_its_bad_rows_are_named_by_their_excel_row()
    {
        await SeedRosterAsync();
        var file = Path.Combine(_directory, "贷款名单.xlsx");
        await File.WriteAllBytesAsync(file, XlsxFile.Create(new Dictionary<int, object?[]>
        {
            [1] = [.. AssistBot.Bot.Loans.LoanFile.Columns],
            // Phone and amount typed as numbers, as Excel keeps them.
            [2] = ["XF2024001", "张三", "360722197803121018", 13907974321L, "大塘埠镇", "代屋村", "信丰农商银行", 50000, "2021-05-31", "2024-05-31", "liu.ganbu"],
            [4] = ["XF2024005", "钱七", "360722197501010000", 13900000000L, "大塘埠镇", "代屋村", "信丰农商银行", 50000, "2021-05-01", "2024-05-20", "liu.ganbu"],
            [5] = ["XF2024003", "王五", "360722199001013057", null, "嘉定镇", "游州村", "信丰农商银行", 20000, "2022-06-15", "2024-06-15", "chen.ganbu"],
            [9] = ["XF2024006", "孙八", "360722198008085091", 13900000001L, "大塘埠镇", "代屋村", "信丰农商银行", "五万", "2021-05-01", "2024-13-01", "liu.ganbu"],
        }));

        var (code, output, err) = await RunAsync("import", "loans", file, "--county", "xinfeng");

        Assert.Equal(1, code);
        Assert.Contains("导入 2 笔", output);
        Assert.Contains("第4行：身份证号无效", err);
        Assert.Contains("第9行：贷款金额“五万”", err);
        Assert.DoesNotContain("第2行", err);
        var loan = await _host.Services.GetRequiredService<AssistBot.Bot.Loans.LoanStore>().GetAsync("xinfeng", "XF2024001");
        Assert.Equal((50000m, "139****4321"), (loan!.Amount, loan.PhoneMasked));
    }

    [Fact]
    public async Task A_loan_csv_saved_by_excel_on_chinese_windows_gb18030_imports_like_the_utf8_one()
    {
        await SeedRosterAsync();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var file = Path.Combine(_directory, "loans-gb18030.csv");
        await File.WriteAllBytesAsync(file, System.Text.Encoding.GetEncoding("GB18030")
            .GetBytes(await File.ReadAllTextAsync(ReminderWorld.DataFile("xinfeng-loans.csv"))));

        var (code, output, err) = await RunAsync("import", "loans", file, "--county", "xinfeng");

        Assert.Equal(1, code);
        Assert.Contains("导入 4 笔", output);
        Assert.Contains("第4行：身份证号无效", err);
    }

    [Fact]
    public async Task At_a_terminal_a_large_import_shows_a_progress_bar_and_the_bad_rows_as_a_table()
    {
        await SeedRosterAsync();
        var file = Path.Combine(_directory, "loans-large.csv");
        var rows = Enumerable.Range(1, 2500).Select(i =>
            $"XF{i:D6},张{i},{(i == 1234 ? "360722197803121019" : "360722197803121018")},13907974321,大塘埠镇,代屋村,信丰农商银行,50000,2021-05-31,2024-05-31,liu.ganbu");
        await File.WriteAllLinesAsync(file, [string.Join(',', AssistBot.Bot.Loans.LoanFile.Columns), .. rows]);
        var screen = new StringWriter();
        var import = _host.Services.GetServices<ICliCommand>().OfType<ImportLoansCommand>().Single();
        import.Terminal = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Out = new Spectre.Console.AnsiConsoleOutput(screen),
        });

        var (code, output, err) = await RunAsync("import", "loans", file, "--county", "xinfeng");

        Assert.Equal(1, code);
        Assert.Contains("导入 2499 笔", output);
        Assert.Empty(err); // the table took the place of the plain lines
        var text = screen.ToString();
        Assert.Contains("导入中: ", text); // Spectre's progress (printed as percentages when the console cannot redraw)
        var row = Assert.Single(text.Split('\n'), l => l.Contains("身份证号无效"));
        Assert.Matches(@"│\s*1235\s*│\s*错误\s*│", row); // line 1235: the header is line 1
    }

    [Fact]
    public async Task Bad_arguments_get_a_short_chinese_answer()
    {
        var (code, _, err) = await RunAsync("reminders", "preview", "--county", "nowhere", "--from", "2024-05-01");
        Assert.Equal(2, code);
        Assert.Contains("未配置的县", err);
        (code, _, err) = await RunAsync("reminders", "preview", "--county", "xinfeng", "--from", "5/1");
        Assert.Equal(2, code);
        Assert.Contains("YYYY-MM-DD", err);
        (code, _, err) = await RunAsync("import", "loans", "/no/such.csv", "--county", "xinfeng");
        Assert.Equal(2, code);
        Assert.Contains("找不到文件", err);
    }

    public void Dispose()
    {
        _host.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
