using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real service host for tests, with settings overridden the way an operator would (configuration keys).
/// Each factory gets its own data directory unless one is given. Shared with the knowledge tests (linked file).
/// </summary>
public class AssistBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public AssistBotFactory(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("assistbot-host-").FullName;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:DataDirectory"] = DataDirectory,
        };
        _settings.TryAdd("Storage:Redis", "");
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
