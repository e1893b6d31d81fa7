using Microsoft.Playwright;

namespace AssistBot.Web.Tests;

/// <summary>A console test's running service (<see cref="ConsoleWorld"/>) and headless Chromium, started and stopped per class.</summary>
public abstract class ConsoleBrowserTest : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected ConsoleWorld World { get; private set; } = null!;
    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await ConsoleWorld.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await World.DisposeAsync();
    }
}
