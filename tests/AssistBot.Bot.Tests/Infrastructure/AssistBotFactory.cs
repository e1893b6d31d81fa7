using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real service host for tests (<c>Program</c>, so <c>AddAssistBot</c>), with settings overridden the way an operator
/// would (configuration keys, seen while the service registers its parts, as environment variables are) and only what a
/// test must replace replaced after the service's own registrations (<paramref name="services"/>). Each factory gets
/// its own data directory unless one is given. Every test host over HTTP is one of these (the WeChat host, the live
/// service of the browser tests, the knowledge tests' host: linked files); <c>TestServiceHost</c> is the same
/// root without HTTP.
/// </summary>
public class AssistBotFactory(IDictionary<string, string?>? settings = null, string? dataDirectory = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory ?? Directory.CreateTempSubdirectory("assistbot-host-").FullName;

    /// <summary>The two counties most tests run (信丰 with pack xinfeng-2024, 禹州 with yuzhou-2023), one of them the default.</summary>
    public static Dictionary<string, string?> TwoCounties(string defaultCounty) => new()
    {
        ["DefaultCounty"] = defaultCounty,
        ["Counties:xinfeng:Name"] = "信丰县",
        ["Counties:xinfeng:Pack"] = "xinfeng-2024",
        ["Counties:yuzhou:Name"] = "禹州市",
        ["Counties:yuzhou:Pack"] = "yuzhou-2023",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (settings?.ContainsKey("Storage:Redis") != true) builder.UseSetting("Storage:Redis", "");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        if (services is not null) builder.ConfigureTestServices(services);
    }
}
