using System.Net;
using AssistBot.Bot.Conversation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>
/// The real service (Program) with a private data directory, the test bot, and extra settings.
/// <paramref name="redis"/> makes it use that Redis; otherwise the embedded store. With <paramref name="useTestBot"/>
/// false the bot is whatever the service registers (the real router).
/// </summary>
public sealed class BotFrameworkHost(
    IReadOnlyDictionary<string, string?>? settings = null,
    string? redis = null,
    TimeProvider? time = null,
    string? dataDirectory = null,
    bool useTestBot = true,
    Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "assistbot-bf-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Storage:Redis", redis ?? "");
        builder.UseSetting("DataProtection:Key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        builder.UseSetting("DefaultCounty", "xinfeng");
        builder.UseSetting("Counties:xinfeng:Name", "信丰县");
        builder.UseSetting("Counties:xinfeng:Pack", "xinfeng-2024");
        builder.UseSetting("Counties:yuzhou:Name", "禹州市");
        builder.UseSetting("Counties:yuzhou:Pack", "yuzhou-2023");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
            services.TryAddSingleton<BufferingBotAdapter>();
            if (useTestBot) services.AddSingleton<IBot, TestBot>();
            if (time is not null) services.AddSingleton(time);
        });
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The in-memory test server has no socket, so a request has no peer address. This gives it the loopback address a
/// client on the same machine has, or the one a test names in <see cref="Header"/> (to be a caller from elsewhere).
/// </summary>
internal sealed class PeerAddressStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.Remove(Header, out var named) && IPAddress.TryParse(named, out var address))
                context.Connection.RemoteIpAddress = address;
            else
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
