using AssistBot.Bot.Loans;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AssistBot.Web.Tests;

/// <summary>
/// 导入 in headless Chromium: county staff upload an Excel (.xlsx) loan file, see its first rows (ID numbers masked),
/// confirm, and get the summary with the two bad rows named by the row number Excel shows. Saves
/// TestResults/screenshots/console-import-*.png.
/// </summary>
public sealed class ConsoleImportsBrowserTests(ITestOutputHelper log) : ConsoleBrowserTest
{
    [Fact]
    public async Task An_xlsx_loan_file_with_two_bad_rows_is_previewed_imported_and_its_bad_rows_named_by_line()
    {
        await World.AddCadreAsync("chen_county", "陈县级", "");
        await World.AddCadreAsync("li_huolong", "李火龙", "火龙镇");
        var xlsx = XlsxFile.Create(new Dictionary<int, object?[]>
        {
            [1] = [.. LoanFile.Columns],
            [2] = ["YZ2024001", "张三", "360722197803121018", 13907974321L, "火龙镇", "任湾村", "禹州农商银行", 50000, "2024-05-31", "2027-05-31", "li_huolong"],
            [3] = ["YZ2024002", "李四", "360722199001013057", 13907974322L, "火龙镇", "任湾村", "禹州农商银行", 30000, "2024-06-15", "2027-06-15", "li_huolong"],
            [4] = ["YZ2024003", "钱七", "360722197501010000", 13900000000L, "火龙镇", "任湾村", "禹州农商银行", 50000, "2024-05-01", "2027-05-20", "li_huolong"],
            [5] = ["YZ2024004", "孙八", "360722198008085091", 13900000001L, "火龙镇", "任湾村", "禹州农商银行", "五万", "2024-05-01", "2027-13-01", "li_huolong"],
        });
        var file = Path.Combine(Path.GetTempPath(), $"贷款名单-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, xlsx);

        var context = await Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => log.WriteLine($"[page error] {error}");
        await World.OpenSignedInAsync(page, "/console/imports", "chen_county");
        await page.Locator("select[name=kind]").SelectOptionAsync("loans");
        await page.Locator("input[name=file]").SetInputFilesAsync(file);
        await page.Locator("#preview").ClickAsync();

        // Preview: the first rows with the line numbers Excel shows, ID numbers masked.
        await page.Locator("#preview-table").WaitForAsync();
        Assert.Contains("共 4 行", await page.Locator("#summary").InnerTextAsync());
        var previewText = await page.Locator("#preview-table").InnerTextAsync();
        Assert.Contains("360722********1018", previewText);
        Assert.DoesNotContain("360722197803121018", previewText);
        Assert.Equal(["2", "3", "4", "5"], await page.Locator("#preview-table tbody tr td:first-child").AllInnerTextsAsync());
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-import-preview.png"), FullPage = true });

        await page.Locator("#confirm-import").ClickAsync();
        await page.Locator("#result").WaitForAsync(new() { Timeout = 20000 });
        var result = await page.Locator("#result").InnerTextAsync();
        log.WriteLine(result);
        Assert.Contains("新增 2 条", result);
        Assert.Contains("有问题的行 2 行", result);
        var bad = await page.Locator("#bad-rows tbody tr").AllInnerTextsAsync();
        log.WriteLine(string.Join("\n", bad));
        Assert.Equal(2, bad.Count);
        Assert.StartsWith("第 4 行", bad[0]);
        Assert.Contains("身份证号", bad[0]);
        Assert.StartsWith("第 5 行", bad[1]);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-import-result.png"), FullPage = true });

        var loans = await World.Get<LoanStore>().GetAsync(ConsoleWorld.County, "YZ2024001");
        Assert.NotNull(loans);
        File.Delete(file);
        await context.CloseAsync();
    }
}
