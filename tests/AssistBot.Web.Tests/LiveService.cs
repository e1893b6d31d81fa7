using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Web.Tests;

/// <summary>
/// The real service (Program, with its real bot: the conversation engine's router) listening on a free loopback port with Kestrel, so
/// a browser and a Node client can reach it; private data directory, embedded storage.
/// </summary>
public sealed class LiveService : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "assistbot-web-" + Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public LiveService() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>With extra settings (e.g. a county's WeChat token) on top of the defaults.</summary>
    public LiveService(IReadOnlyDictionary<string, string?> settings) : this(settings, null)
    {
    }

    /// <summary>With extra settings and service replacements (e.g. a test clock as the <see cref="TimeProvider"/>).</summary>
    public LiveService(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _settings = settings;
        _services = services;
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("localhost", "127.0.0.1").TrimEnd('/');
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Storage:Redis", "");
        builder.UseSetting("DataProtection:Key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        builder.UseSetting("DefaultCounty", "xinfeng");
        builder.UseSetting("Counties:xinfeng:Name", "信丰县");
        builder.UseSetting("Counties:xinfeng:Pack", "xinfeng-2024");
        // Two 订阅通知 templates, so the subscribe page has something to show (no AppId: nothing is signed or sent).
        builder.UseSetting("Counties:xinfeng:WeChat:Subscriptions:loan-repayment:TemplateId", "tpl-loan");
        builder.UseSetting("Counties:xinfeng:WeChat:Subscriptions:loan-repayment:LongTerm", "true");
        builder.UseSetting("Counties:xinfeng:WeChat:Subscriptions:window:TemplateId", "tpl-window");
        builder.UseSetting("Counties:yuzhou:Name", "禹州市");
        builder.UseSetting("Counties:yuzhou:Pack", "yuzhou-2023");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
