using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Web.Tests;

/// <summary>
/// The real service (<see cref="AssistBotFactory"/>: Program, with its real bot) listening on a free loopback port with
/// Kestrel, so a browser and a Node client can reach it; private data directory, embedded storage.
/// </summary>
public sealed class LiveService : AssistBotFactory
{
    public LiveService() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>With extra settings (e.g. a county's WeChat token) on top of the defaults.</summary>
    public LiveService(IReadOnlyDictionary<string, string?> settings) : this(settings, null)
    {
    }

    /// <summary>With extra settings and service replacements (e.g. a test clock as the <see cref="TimeProvider"/>).</summary>
    public LiveService(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : base(Settings(settings), Path.Combine(Path.GetTempPath(), "assistbot-web-" + Guid.NewGuid().ToString("N")), services)
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public string BaseUrl { get; }

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> settings)
    {
        var all = TwoCounties("xinfeng");
        all["Urls"] = "http://127.0.0.1:0";
        all["DataProtection:Key"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        // Two 订阅通知 templates, so the subscribe page has something to show (no AppId: nothing is signed or sent).
        all["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:TemplateId"] = "tpl-loan";
        all["Counties:xinfeng:WeChat:Subscriptions:loan-repayment:LongTerm"] = "true";
        all["Counties:xinfeng:WeChat:Subscriptions:window:TemplateId"] = "tpl-window";
        foreach (var (key, value) in settings) all[key] = value;
        return all;
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
