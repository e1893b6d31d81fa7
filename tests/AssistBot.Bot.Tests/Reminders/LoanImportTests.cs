using AssistBot.Bot.Reminders.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Tests.Reminders;

public sealed class LoanImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-loans-").FullName;
    private readonly EmbeddedStorage _storage;

    public LoanImportTests() => _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);

    [Fact]
    public async Task Good_rows_are_imported_and_bad_rows_reported_with_their_line_numbers()
    {
        var world = new ReminderWorld("xinfeng-2024");
        await world.AddCadreAsync(_storage, "liu.ganbu", "刘干部", "驻村工作队员", "大塘埠镇");

        var result = await world.ImportLoansAsync(_storage, TimeProvider.System, "xinfeng-loans.csv");

        Assert.Equal(4, result.Created);
        Assert.Equal([4, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("身份证号无效", result.Errors[0].Message);
        Assert.Contains("贷款金额“五万”", result.Errors[1].Message);
        Assert.Contains("到期日期“2024-13-01”", result.Errors[1].Message);
        // chen.ganbu is not on this roster: imported, with a warning.
        Assert.Contains(result.Warnings, w => w.Line == 5 && w.Message.Contains("chen.ganbu"));

        var store = new LoanStore(_storage, _storage, _storage, new StorageBorrowerAccounts(_storage, _storage), TimeProvider.System);
        var loan = await store.GetAsync(world.County.Id, "xf2024002");
        Assert.NotNull(loan);
        Assert.Equal((30000m, new DateOnly(2024, 5, 10), "liu.ganbu", "刘干部"), (loan.Amount, loan.Maturity, loan.CadreUserId, loan.CadreName));
        Assert.Equal("136****1234", loan.PhoneMasked);
        Assert.Equal("360722198207052030", ReminderWorld.Protector.Unprotect(loan.IdNumberProtected));
    }

    [Fact]
    public async Task Id_numbers_and_phones_are_not_stored_in_the_clear()
    {
        var world = new ReminderWorld("xinfeng-2024");
        await world.ImportLoansAsync(_storage, TimeProvider.System, "xinfeng-loans.csv");
        _storage.Dispose();

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_directory, "assistbot.db"));
        var raw = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("360722198207052030", raw);
        Assert.DoesNotContain("13607971234", raw);
        Assert.Contains("XF2024002", raw);
    }

    [Fact]
    public async Task Re_import_updates_by_loan_number_and_keeps_the_recorded_repayment()
    {
        var world = new ReminderWorld("xinfeng-2024");
        var store = new LoanStore(_storage, _storage, _storage, new StorageBorrowerAccounts(_storage, _storage), TimeProvider.System);
        await world.ImportLoansAsync(_storage, TimeProvider.System, "xinfeng-loans.csv");
        await store.ReportRepaidAsync(world.County.Id, "XF2024002");

        var importer = new LoanImporter(store, ReminderWorld.Protector, new Bot.Reminders.RosterCadreDirectory(new Bot.Cases.RosterStore(_storage, _storage, _storage)), TimeProvider.System);
        var csv = string.Join('\n', string.Join(',', LoanFile.Columns),
            "XF2024002,李四,360722198207052030,13607971234,大塘埠镇,新村,邮储银行信丰县支行,35000,2023-05-10,2024-06-10,");
        var result = await importer.ImportAsync(world.County.Id, new StringReader(csv));

        Assert.Equal((0, 1), (result.Created, result.Updated));
        var loan = await store.GetAsync(world.County.Id, "XF2024002");
        Assert.Equal((35000m, new DateOnly(2024, 6, 10), RepaymentState.Reported), (loan!.Amount, loan.Maturity, loan.Repayment));
        // The maturity index follows the new date.
        var june = new List<LoanView>();
        await foreach (var v in store.MaturingAsync(world.County.Id, new DateOnly(2024, 6, 10), new DateOnly(2024, 6, 10))) june.Add(v);
        Assert.Equal("XF2024002", Assert.Single(june).LoanNumber);
        var may = new List<LoanView>();
        await foreach (var v in store.MaturingAsync(world.County.Id, new DateOnly(2024, 5, 10), new DateOnly(2024, 5, 10))) may.Add(v);
        Assert.Empty(may);
    }

    [Fact]
    public async Task A_file_without_the_expected_header_is_refused_in_chinese()
    {
        var world = new ReminderWorld("xinfeng-2024");
        var importer = new LoanImporter(new LoanStore(_storage, _storage, _storage, new StorageBorrowerAccounts(_storage, _storage), TimeProvider.System),
            ReminderWorld.Protector, new Bot.Reminders.RosterCadreDirectory(new Bot.Cases.RosterStore(_storage, _storage, _storage)), TimeProvider.System);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() =>
            importer.ImportAsync(world.County.Id, new StringReader("编号,姓名\nA,B")));
        Assert.Contains("表头缺少", e.Message);
    }

    public void Dispose()
    {
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
