using Microsoft.Playwright;

namespace AssistBot.Web.Tests;

/// <summary>Debian's Chromium, headless, started by Playwright (no browser download), and phone-shaped contexts.</summary>
internal static class HeadlessChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium.Path,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        ],
    });

    /// <summary>A phone of <paramref name="width"/> × <paramref name="height"/> CSS px, touch, zh-CN.</summary>
    public static Task<IBrowserContext> PhoneAsync(IBrowser browser, int width = 390, int height = 844) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = "zh-CN",
        });

    public static async Task WaitForCountAsync(ILocator locator, int count, int timeoutMs = 15000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        int current;
        while ((current = await locator.CountAsync()) < count || (count == 0 && current > 0))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"expected {count} of {locator}, found {current}");
            await Task.Delay(100);
        }
    }
}
