using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AssistBot.Web.Tests;

/// <summary>
/// The web chat page in a real headless Chromium (Debian's <c>chromium</c>, driven by Playwright; no browser
/// download): the welcome menu shows as buttons, a typed question gets an answer, a button sends its choice.
/// Saves TestResults/screenshots/webchat-welcome.png and webchat.png for a person to look at.
/// </summary>
public sealed class WebChatBrowserTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly LiveService _service = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task On_a_phone_the_page_shows_the_menu_answers_a_question_and_sends_a_choice()
    {
        var context = await HeadlessChromium.PhoneAsync(_browser);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => log.WriteLine($"[browser {message.Type}] {message.Text}");
        page.PageError += (_, error) => log.WriteLine($"[page error] {error}");

        await page.GotoAsync(_service.BaseUrl + "/chat/xinfeng");
        Assert.Equal("信丰县乡村振兴政策助手", await page.TitleAsync());

        // Welcome menu on open, choices as buttons.
        var botBubbles = page.Locator(".msg-bot .msg-bubble");
        await botBubbles.First.WaitForAsync(new() { Timeout = 15000 });
        var welcome = await botBubbles.First.InnerTextAsync();
        log.WriteLine("welcome: " + welcome);
        var choices = page.Locator("#choices button");
        await choices.First.WaitForAsync();
        var labels = await page.Locator("#choices button .choice-label").AllInnerTextsAsync();
        log.WriteLine("choices: " + string.Join(" | ", labels));
        Assert.Contains("信丰县", welcome);
        Assert.Equal(["政策咨询", "困难申报", "查进度", "贷款还款", "帮助"], labels);
        // Buttons, not numbered lines in the text.
        Assert.DoesNotContain("1. 政策咨询", welcome);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Output("screenshots", "webchat-welcome.png") });

        // Type a question, press Enter, see the answer.
        const string question = "脱贫户孩子上学有什么补助";
        await page.Locator("#input").FillAsync(question);
        await page.Locator("#input").PressAsync("Enter");
        var userBubbles = page.Locator(".msg-user .msg-bubble");
        await userBubbles.First.WaitForAsync();
        Assert.StartsWith(question, await userBubbles.First.InnerTextAsync());
        await WaitForCountAsync(botBubbles, 2);
        var answer = await botBubbles.Nth(1).InnerTextAsync();
        log.WriteLine("answer: " + answer);
        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.DoesNotContain("系统出了点问题", answer);
        Assert.NotEqual(welcome, answer); // the same conversation: no second welcome
        // The echo came back with the clientActivityID: the bubble is no longer "sending".
        await WaitForCountAsync(page.Locator(".msg-user .msg-note"), 0);

        Assert.Contains("来源：《", answer); // a policy answer names its source

        // Ask for the menu again, then tap a choice button: it is sent as the user's message and answered.
        await page.Locator("#input").FillAsync("菜单");
        await page.Locator("#input").PressAsync("Enter");
        await WaitForCountAsync(userBubbles, 2);
        await WaitForCountAsync(botBubbles, 3);
        await choices.First.WaitForAsync();
        var chosen = await choices.First.Locator(".choice-label").InnerTextAsync();
        Assert.Equal("1", await choices.First.Locator(".choice-number").InnerTextAsync());
        await choices.First.ClickAsync();
        await WaitForCountAsync(userBubbles, 3);
        await WaitForCountAsync(page.Locator(".msg-user .msg-note"), 0); // "发送中…" goes once the echo is back
        Assert.Equal(chosen, await userBubbles.Nth(2).InnerTextAsync());
        await WaitForCountAsync(botBubbles, 4);
        var afterChoice = await botBubbles.Nth(3).InnerTextAsync();
        log.WriteLine("after choice: " + afterChoice);
        Assert.Contains("政策", afterChoice); // the router opened 政策咨询

        // The first exchange in view for the screenshot (the page scrolls to the newest message by itself).
        await page.Locator(".msg-user").First.ScrollIntoViewIfNeededAsync();
        var screenshot = RepositoryPaths.Output("screenshots", "webchat.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        log.WriteLine("screenshot: " + screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    private static Task WaitForCountAsync(ILocator locator, int count, int timeoutMs = 15000) =>
        HeadlessChromium.WaitForCountAsync(locator, count, timeoutMs);
}

/// <summary>The system Chromium (ASSISTBOT_CHROMIUM, or Debian's /usr/bin/chromium; test.sh installs it).</summary>
internal static class Chromium
{
    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ASSISTBOT_CHROMIUM");
            if (!string.IsNullOrEmpty(configured)) return configured;
            foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
                if (File.Exists(candidate)) return candidate;
            throw new InvalidOperationException(
                "Chromium was not found. Run ./test.sh (it installs Debian's chromium) or set ASSISTBOT_CHROMIUM.");
        }
    }
}
