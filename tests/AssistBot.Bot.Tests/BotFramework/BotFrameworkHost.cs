using System.Net;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>
/// The real service (<see cref="AssistBotFactory"/>) with a private data directory, the test bot, and extra settings.
/// <paramref name="redis"/> makes it use that Redis; otherwise the embedded store. With <paramref name="useTestBot"/>
/// false the bot is whatever the service registers (the real router).
/// </summary>
public sealed class BotFrameworkHost(
    IReadOnlyDictionary<string, string?>? settings = null,
    string? redis = null,
    TimeProvider? time = null,
    string? dataDirectory = null,
    bool useTestBot = true,
    Action<IWebHostBuilder>? configure = null)
    : AssistBotFactory(Settings(settings, redis), dataDirectory ?? Path.Combine(Path.GetTempPath(), "assistbot-bf-" + Guid.NewGuid().ToString("N")),
        services =>
        {
            services.AddTransient<IStartupFilter, PeerAddressStartupFilter>();
            services.TryAddSingleton<BufferingBotAdapter>();
            if (useTestBot) services.AddSingleton<IBot, TestBot>();
            if (time is not null) services.AddSingleton(time);
        })
{
    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? settings, string? redis)
    {
        var all = TwoCounties("xinfeng");
        all["Storage:Redis"] = redis ?? "";
        all["DataProtection:Key"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
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
