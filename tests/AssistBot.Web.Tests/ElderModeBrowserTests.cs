using Microsoft.Playwright;
using Xunit.Abstractions;
using static AssistBot.Web.Tests.HeadlessChromium;

namespace AssistBot.Web.Tests;

/// <summary>
/// 长辈模式 of the web chat page in a real headless Chromium (issue 20): sizes, line height, target sizes and
/// gaps and the contrast of every rendered text as the browser computes them, in elder and normal mode; the
/// "大字" switch remembered across reloads; 读给我听 only where the browser has a Chinese voice.
/// Saves TestResults/screenshots/webchat-elder.png and webchat-normal.png.
/// </summary>
public sealed class ElderModeBrowserTests(ITestOutputHelper log) : IAsyncLifetime
{
    /// <summary>WCAG 2 AA for normal text, and what 适老化 rules ask for every text.</summary>
    private const double MinContrast = 4.5;

    private readonly LiveService _service = new();
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Elder_mode_from_a_link_has_big_text_big_targets_and_readable_colours_and_the_switch_is_remembered()
    {
        var context = await PhoneAsync(_browser);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => log.WriteLine($"[page error] {error}");

        await page.GotoAsync(_service.BaseUrl + "/chat/xinfeng?elder=1");
        var toggle = page.Locator("#elder-toggle");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.Contains("大字", await toggle.InnerTextAsync());
        Assert.Contains("开", await toggle.InnerTextAsync()); // the state in words, not colour alone

        var botBubbles = page.Locator(".msg-bot .msg-bubble");
        await botBubbles.First.WaitForAsync(new() { Timeout = 15000 });
        await page.Locator("#input").FillAsync("脱贫户孩子上学有什么补助");
        await page.Locator("#input").PressAsync("Enter");
        await WaitForCountAsync(botBubbles, 2);
        Assert.Contains("来源：《", await botBubbles.Nth(1).InnerTextAsync());
        // The menu again, so numbered choices are on screen too.
        await page.Locator("#input").FillAsync("菜单");
        await page.Locator("#input").PressAsync("Enter");
        await WaitForCountAsync(botBubbles, 3);
        await page.Locator("#choices button").First.WaitForAsync();
        await page.Locator(".msg-bot").Nth(1).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Output("screenshots", "webchat-elder.png") });

        var (texts, buttons) = await PageAudit.RunAsync(page);
        Report("elder", texts, buttons);

        // Text: message text, choices, input and buttons ≥ 20 px; nothing on the page below 18 px.
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.True(t.FontSize >= 18, $"{t.Where} '{t.Text}' is {t.FontSize}px"));
        var mainText = texts.Where(t => t.Where.Contains("msg-bubble") || t.Where.Contains("chat-choices")
            || t.Where.Contains("chat-composer") || t.Where.Contains("button")).ToList();
        Assert.Contains(mainText, t => t.Where.Contains("msg-bubble"));
        Assert.Contains(mainText, t => t.Where.Contains("chat-composer"));
        Assert.All(mainText, t => Assert.True(t.FontSize >= 20, $"{t.Where} '{t.Text}' is {t.FontSize}px"));
        Assert.All(texts.Where(t => t.Where.Contains("msg-bubble")),
            t => Assert.True(t.LineHeight >= 1.5, $"{t.Where} line height {t.LineHeight:0.00}"));
        AssertContrast(texts);

        // Targets: every button ≥ 60 px high (and wide); the numbered choices full width, ≥ 8 px apart.
        Assert.All(buttons, b => Assert.True(b.Height >= 60 && b.Width >= 60, $"{b.Where} '{b.Label}' is {b.Width}×{b.Height}"));
        var choices = buttons.Where(b => b.Where.Contains("chat-choices")).OrderBy(b => b.Top).ToList();
        Assert.Equal(5, choices.Count);
        var choicesWidth = await page.Locator("#choices").EvaluateAsync<double>("e => e.clientWidth - parseFloat(getComputedStyle(e).paddingLeft) - parseFloat(getComputedStyle(e).paddingRight)");
        Assert.All(choices, b => Assert.True(b.Width >= choicesWidth - 1, $"choice '{b.Label}' is {b.Width} px of {choicesWidth}"));
        for (var i = 1; i < choices.Count; i++)
            Assert.True(choices[i].Top - (choices[i - 1].Top + choices[i - 1].Height) >= 8, $"gap above '{choices[i].Label}'");
        Assert.StartsWith("1", choices[0].Label);
        var send = buttons.Single(b => b.Where.Contains("chat-composer"));
        var inputBox = await page.Locator("#input").BoundingBoxAsync();
        Assert.True(inputBox!.Height >= 60, $"input is {inputBox.Height} px high");
        Assert.True(send.Left - (inputBox.X + inputBox.Width) >= 8, "gap between the input and 发送");

        // Switch to normal size: the state is saved on the device, and every text still reaches 4.5:1.
        await toggle.ClickAsync();
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.False(await IsElderAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Output("screenshots", "webchat-normal.png") });
        var (normalTexts, normalButtons) = await PageAudit.RunAsync(page);
        Report("normal", normalTexts, normalButtons);
        AssertContrast(normalTexts);
        Assert.Contains(normalTexts, t => t.Where.Contains("msg-bubble") && t.FontSize < 20); // really the other size

        await page.GotoAsync(_service.BaseUrl + "/chat/xinfeng"); // no parameter: the device's choice
        Assert.False(await IsElderAsync(page));
        await toggle.ClickAsync();
        Assert.True(await IsElderAsync(page));
        await page.ReloadAsync();
        await botBubbles.First.WaitForAsync(new() { Timeout = 15000 });
        Assert.True(await IsElderAsync(page));
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        // A fresh device (new browser context) starts in normal size.
        var other = await (await PhoneAsync(_browser)).NewPageAsync();
        await other.GotoAsync(_service.BaseUrl + "/chat/xinfeng");
        Assert.False(await IsElderAsync(other));
    }

    [Fact]
    public async Task Read_aloud_speaks_a_bot_message_with_a_Chinese_voice_and_is_hidden_without_one()
    {
        // With a Chinese voice: a 读给我听 button under each bot message reads it aloud; a second tap stops.
        var page = await (await PhoneAsync(_browser)).NewPageAsync();
        await page.AddInitScriptAsync(FakeSpeech("zh-CN"));
        await page.GotoAsync(_service.BaseUrl + "/chat/xinfeng?elder=1");
        await page.Locator(".msg-bot .msg-bubble").First.WaitForAsync(new() { Timeout = 15000 });
        var speak = page.Locator(".msg-bot .msg-speak").First;
        Assert.True(await speak.IsVisibleAsync());
        Assert.Equal("读给我听", await speak.InnerTextAsync());
        Assert.True((await speak.BoundingBoxAsync())!.Height >= 60);
        await speak.ClickAsync();
        var spoken = await page.EvaluateAsync<string[]>("() => window.__spoken.map(u => u.lang + '|' + u.text)");
        var welcome = await page.Locator(".msg-bot .msg-bubble").First.InnerTextAsync();
        Assert.Single(spoken);
        Assert.Equal("zh-CN|" + welcome, spoken[0]);
        Assert.Equal("停止朗读", await speak.InnerTextAsync());
        var cancelledBefore = await page.EvaluateAsync<int>("() => window.__cancelled");
        await speak.ClickAsync();
        Assert.Equal(cancelledBefore + 1, await page.EvaluateAsync<int>("() => window.__cancelled"));
        Assert.Single(await page.EvaluateAsync<string[]>("() => window.__spoken.map(u => u.text)")); // stopped, not restarted
        Assert.Equal("读给我听", await speak.InnerTextAsync());

        // Only an English voice: no button anywhere.
        var english = await (await PhoneAsync(_browser)).NewPageAsync();
        await english.AddInitScriptAsync(FakeSpeech("en-US"));
        await english.GotoAsync(_service.BaseUrl + "/chat/xinfeng");
        await english.Locator(".msg-bot .msg-bubble").First.WaitForAsync(new() { Timeout = 15000 });
        Assert.Equal(1, await english.Locator(".msg-bot .msg-speak").CountAsync());
        Assert.False(await english.Locator(".msg-bot .msg-speak").IsVisibleAsync());
    }

    [Fact]
    public async Task The_subscribe_page_honours_elder_mode_and_every_text_is_readable()
    {
        var page = await (await PhoneAsync(_browser)).NewPageAsync();
        page.PageError += (_, error) => log.WriteLine($"[page error] {error}");
        await page.GotoAsync(_service.BaseUrl + "/wechat/xinfeng/subscribe?elder=1");
        Assert.Equal("信丰县订阅通知", await page.TitleAsync());
        Assert.True(await IsElderAsync(page));
        // Outside WeChat the page says where to open it instead of offering a button that cannot work.
        Assert.Contains("微信", await page.Locator("#status").InnerTextAsync());
        Assert.Equal(2, await page.Locator(".item[data-template]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Output("screenshots", "subscribe-elder.png"), FullPage = true });

        var (texts, buttons) = await PageAudit.RunAsync(page);
        Report("subscribe elder", texts, buttons);
        Assert.Contains(texts, t => t.Text.StartsWith("小额信贷还款提醒", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.True(t.FontSize >= 20, $"{t.Where} '{t.Text}' is {t.FontSize}px"));
        Assert.All(texts.Where(t => t.Where.Contains("item")), t => Assert.True(t.LineHeight >= 1.5, $"{t.Where} line height {t.LineHeight:0.00}"));
        AssertContrast(texts);
        Assert.All(buttons, b => Assert.True(b.Height >= 60, $"{b.Where} '{b.Label}' is {b.Height} px high"));

        await page.Locator("[data-elder-toggle]").ClickAsync();
        Assert.False(await IsElderAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Output("screenshots", "subscribe-normal.png"), FullPage = true });
        var (normal, _) = await PageAudit.RunAsync(page);
        AssertContrast(normal);
        // The same device's web chat now opens in normal size too: one switch for both pages.
        await page.GotoAsync(_service.BaseUrl + "/chat/xinfeng");
        Assert.False(await IsElderAsync(page));
    }

    /// <summary>A speechSynthesis with one voice of <paramref name="lang"/> that records what it is asked to say.</summary>
    private static string FakeSpeech(string lang) => $$"""
        (() => {
          window.__spoken = []; window.__cancelled = 0;
          const voice = { lang: '{{lang}}', name: 'test voice', default: true, localService: true, voiceURI: 'test' };
          const listeners = [];
          const synth = {
            getVoices: () => [voice],
            speak: u => { window.__spoken.push({ text: u.text, lang: u.lang }); },
            cancel: () => { window.__cancelled++; },
            addEventListener: (name, fn) => listeners.push(fn),
            speaking: false, pending: false, paused: false,
          };
          Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
          window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ''; };
        })();
        """;

    private static Task<bool> IsElderAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('elder')");

    private static void AssertContrast(IReadOnlyList<AuditedText> texts) =>
        Assert.All(texts, t => Assert.True(t.Contrast >= MinContrast,
            $"{t.Where} '{t.Text}': {t.Color} on {t.Background} is {t.Contrast}:1"));

    private void Report(string mode, IReadOnlyList<AuditedText> texts, IReadOnlyList<AuditedButton> buttons)
    {
        log.WriteLine($"== {mode}: {texts.Count} texts, {buttons.Count} buttons");
        foreach (var t in texts)
            log.WriteLine($"{t.FontSize,5}px lh {t.LineHeight:0.00} {t.Contrast,6:0.00}:1 {t.Color} on {t.Background}  {t.Where}  '{t.Text}'");
        foreach (var b in buttons) log.WriteLine($"button {b.Width:0}×{b.Height:0} at ({b.Left:0},{b.Top:0})  {b.Where}  '{b.Label}'");
    }
}
