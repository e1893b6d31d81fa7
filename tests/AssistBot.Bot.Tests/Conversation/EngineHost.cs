using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Testing;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>
/// One "bot instance" for tests: the real conversation engine (AddConversationEngine) over a real storage. Two hosts
/// over the same storage behave like two instances of the service behind a load balancer.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _ownDirectory;
    private readonly EmbeddedStorage? _ownStorage;

    private EngineHost(IStorage storage, Action<IServiceCollection>? configure, string? ownDirectory, EmbeddedStorage? ownStorage)
    {
        _ownDirectory = ownDirectory;
        _ownStorage = ownStorage;
        Storage = storage;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DefaultCounty"] = "yuzhou",
            ["Counties:yuzhou:Name"] = "禹州市",
            ["Counties:yuzhou:Pack"] = "yuzhou-2023",
            ["Counties:xinfeng:Name"] = "信丰县",
            ["Counties:xinfeng:Pack"] = "xinfeng-2024",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Counties>();
        services.AddSingleton(storage).AddStorageRoles();
        services.AddConversationEngine();
        // The engine alone: the router's bot without the WeCom cadre front (that needs the cases part).
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<AssistBot.Bot.Conversation.Dialogs.DialogBot>());
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        County = Services.GetRequiredService<Counties>().Default!;
    }

    public IServiceProvider Services => _services;

    public IStorage Storage { get; }

    public County County { get; }

    public BufferingBotAdapter Adapter => Services.GetRequiredService<BufferingBotAdapter>();

    public IBot Bot => Services.GetRequiredService<IBot>();

    /// <summary>A host over a fresh embedded (SQLite) store in a temp directory, deleted on dispose.</summary>
    public static EngineHost Embedded(Action<IServiceCollection>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("assistbot-engine-").FullName;
        var storage = new EmbeddedStorage(Path.Combine(directory, "assistbot.db"), TimeProvider.System);
        return new EngineHost(storage, configure, directory, storage);
    }

    /// <summary>A host over storage someone else owns (a shared SQLite file, Redis).</summary>
    public static EngineHost Over(IStorage storage, Action<IServiceCollection>? configure = null) =>
        new(storage, configure, null, null);

    public TestFlow Flow(string userId = "user1", string channelId = "test") =>
        new(Adapter, Bot, County, userId, channelId);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _ownStorage?.Dispose();
        if (_ownDirectory is not null)
            try { Directory.Delete(_ownDirectory, recursive: true); } catch (IOException) { }
    }
}
