using AssistBot.Bot.Cases;
using AssistBot.Bot.StaffConsole;
using AssistBot.Scheduler.Outbox;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AssistBot.Web.Tests;

/// <summary>
/// The staff console's 申报 work in headless Chromium: a township cadre signs in with WeCom (QR login through the
/// stand-in), sees a new declaration turn amber and then red as the days pass, works it to 纳入 with the same state
/// machine as the WeCom commands (audit trail, farmer notice), and the farmer's 查进度 over /wechat shows it; a cadre
/// of another township gets 403 on the same URL. Saves TestResults/screenshots/console-*.png.
/// </summary>
public sealed class ConsoleDeclarationsBrowserTests(ITestOutputHelper log) : ConsoleBrowserTest
{
    [Fact]
    public async Task A_township_cadre_sees_the_deadline_come_and_pass_works_the_case_to_included_and_the_farmer_sees_it()
    {
        await World.AddCadreAsync("li_huolong", "李火龙", "火龙镇");
        await World.AddCadreAsync("zhao_shundian", "赵顺店", "顺店镇");
        var declaration = await World.DeclareAsync("o_farmer_console", "火龙镇", "任湾村");
        log.WriteLine($"declaration {declaration.Id}, due {declaration.NextStepDue}");

        var context = await Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => log.WriteLine($"[page error] {error}");
        page.Console += (_, message) => log.WriteLine($"[browser {message.Type}] {message.Text}");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // Not signed in: the console asks for WeCom; the sign-in page is saved for a person to look at.
        await page.GotoAsync(World.BaseUrl + "/console/declarations");
        Assert.Contains("/console/signin", page.Url);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-signin.png"), FullPage = true });
        await World.OpenSignedInAsync(page, "/console/declarations", "li_huolong");
        Assert.Contains("李火龙", await page.Locator("#who").InnerTextAsync());
        Assert.Contains("乡镇", await page.Locator("#who").InnerTextAsync());
        var row = page.Locator($"tr[data-id='{declaration.Id}']");
        Assert.Equal("剩 15 天", await row.Locator(".badge").InnerTextAsync());

        // Thirteen days later (a new session: the old one ran out): two days left, amber, and it says so in words.
        World.Clock.Advance(TimeSpan.FromDays(13));
        await World.OpenSignedInAsync(page, "/console/declarations", "li_huolong");
        Assert.Contains("due-near", await row.GetAttributeAsync("class"));
        Assert.Equal("临近：剩 2 天", await row.Locator(".badge").InnerTextAsync());
        Assert.Equal("rgb(255, 241, 194)", await row.Locator(".badge").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-declarations-amber.png"), FullPage = true });

        // Three more days: past the 15-day limit, red.
        World.Clock.Advance(TimeSpan.FromDays(3));
        await World.OpenSignedInAsync(page, "/console/declarations", "li_huolong");
        Assert.Contains("due-overdue", await row.GetAttributeAsync("class"));
        Assert.Equal("已超期 1 天", await row.Locator(".badge").InnerTextAsync());
        Assert.Equal("rgb(255, 215, 213)", await row.Locator(".badge").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-declarations-red.png"), FullPage = true });

        // Work it: 受理 → 核实属实 → 纳入, each through the form (antiforgery token and all).
        await row.Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/console/declarations/{declaration.Id}");
        Assert.Contains("411081********", await page.Locator("#idnumber").InnerTextAsync()); // masked
        Assert.DoesNotContain("13912345678", await page.ContentAsync());
        await page.Locator("#act-accept").ClickAsync();
        await page.Locator("#act-verify-true").WaitForAsync();
        Assert.Equal("已受理，待核实", await page.Locator("#status").InnerTextAsync());
        await page.Locator("#act-verify-true").ClickAsync();
        await page.Locator("#act-include").WaitForAsync();
        await page.Locator("#act-include").ClickAsync();
        await page.Locator("#act-include").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("已纳入", await page.Locator("#status").InnerTextAsync());
        var timeline = await page.Locator("#timeline li").AllInnerTextsAsync();
        log.WriteLine(string.Join("\n", timeline));
        Assert.Equal(4, timeline.Count);
        Assert.All(timeline.Skip(1), line => Assert.Contains("李火龙", line));

        // Full ID number only with a reason, and the viewing is recorded.
        await page.Locator("details.reveal summary").ClickAsync();
        await page.Locator("details.reveal input[name=reason]").FillAsync("录入全国防返贫监测系统");
        await page.Locator("#reveal").ClickAsync();
        await page.Locator("#idnumber").Filter(new() { HasText = "411081197503121" }).WaitForAsync();
        Assert.Contains("录入全国防返贫监测系统", await page.ContentAsync());
        var views = await World.Get<ConsoleAuditLog>().ListAsync(ConsoleWorld.County, declaration.Id);
        Assert.Equal("console:li_huolong", Assert.Single(views).Actor);
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-declaration-detail.png"), FullPage = true });

        // The same state machine and notices as the WeCom commands: audit actor, one farmer notice per step.
        var stored = await World.Get<DeclarationStore>().GetAsync(ConsoleWorld.County, declaration.Id);
        Assert.Equal(DeclarationStatus.Included, stored!.Status);
        Assert.Equal("console:li_huolong", stored.History[^1].Actor);
        var outbox = World.Get<IOutbox>();
        var notices = new List<OutboxEntry>();
        foreach (var status in Enum.GetValues<OutboxStatus>()) notices.AddRange(await outbox.ListAsync(status, 0, 200));
        var farmerNotices = notices.Where(e => e.Message.Kind == DeclarationNotifier.StatusKind && e.Message.Subject == declaration.Id
                                                 && e.Message.Recipient.UserId == "o_farmer_console").ToList();
        Assert.Equal(3, farmerNotices.Count);

        // The overview counts it as 已纳入 in its week, in words as well as in the bar's pattern.
        await page.GotoAsync(World.BaseUrl + "/console");
        Assert.Contains("已纳入 1", await page.Locator("#chart-declarations desc").TextContentAsync());
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-overview-township.png"), FullPage = true });
        await page.GotoAsync(World.BaseUrl + "/console/reminders");
        await page.ScreenshotAsync(new() { Path = RepositoryPaths.Output("screenshots", "console-reminders.png"), FullPage = true });

        // The farmer asks over WeChat.
        var reply = await World.FarmerSaysAsync("o_farmer_console", "查进度");
        log.WriteLine("查进度: " + reply);
        Assert.Contains(declaration.Id, reply);
        Assert.Contains("已纳入", reply);

        // A cadre of another township: 403 on the case's URL, and it is not in their list.
        var other = await Browser.NewContextAsync(new() { Locale = "zh-CN" });
        var otherPage = await other.NewPageAsync();
        await World.OpenSignedInAsync(otherPage, "/console/declarations?status=all", "zhao_shundian");
        Assert.Equal(0, await otherPage.Locator($"tr[data-id='{declaration.Id}']").CountAsync());
        var denied = await otherPage.GotoAsync(World.BaseUrl + "/console/declarations/" + declaration.Id);
        Assert.Equal(403, denied!.Status);
        Assert.DoesNotContain("王秀兰", await otherPage.ContentAsync());
        // Nor can they act on it by posting the form directly (the token is theirs, the case is not).
        var token = await otherPage.EvaluateAsync<string?>("() => document.querySelector('input[name=__af]')?.value");
        await otherPage.GotoAsync(World.BaseUrl + "/console/declarations?status=all");
        token = await otherPage.EvaluateAsync<string?>("() => document.querySelector('form[method=post] input[name=__af]')?.value") ?? token;
        Assert.NotNull(token);
        var post = await otherPage.APIRequest.PostAsync(World.BaseUrl + $"/console/declarations/{declaration.Id}?handler=act",
            new() { Form = otherPage.APIRequest.CreateFormData().Append("action", "reject").Append("note", "测试").Append("__af", token!) });
        Assert.Equal(403, post.Status);
        await other.CloseAsync();
        await context.CloseAsync();
    }
}
