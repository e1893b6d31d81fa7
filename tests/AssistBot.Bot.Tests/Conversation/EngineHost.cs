using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.Testing;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Dialogs.Privacy;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Conversation;

/// <summary>
/// One "bot instance" for tests: the service's composition root (<see cref="TestServiceHost"/>) over a real storage,
/// with the menu features taken out (the engine's tests plug in their own; a test keeps the product features it names
/// in <see cref="EngineSetup.Features"/>) and the router's <see cref="DialogBot"/> as the bot unless
/// <see cref="EngineSetup.CadreFront"/>. Two hosts over the same storage behave like two instances of the service
/// behind a load balancer.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly TestServiceHost _host;
    private readonly string? _ownDirectory;
    private readonly EmbeddedStorage? _ownStorage;

    private EngineHost(IStorage storage, Action<IServiceCollection>? configure, EngineSetup? setup, string? ownDirectory,
        EmbeddedStorage? ownStorage)
    {
        _ownDirectory = ownDirectory;
        _ownStorage = ownStorage;
        Storage = storage;
        setup ??= new EngineSetup();
        var settings = AssistBotFactory.TwoCounties("yuzhou");
        foreach (var (key, value) in setup.Settings) settings[key] = value;
        _host = TestServiceHost.Build(settings, services =>
        {
            TestServiceHost.UseStorage(services, storage);
            RemoveFeaturesExcept(services, setup.Features);
            // The engine alone: the router's bot without the WeCom cadre front (that needs the cases part).
            if (!setup.CadreFront) TestServiceHost.Use<IBot>(services, sp => sp.GetRequiredService<DialogBot>());
            configure?.Invoke(services);
        });
        County = Services.GetRequiredService<Counties>().Default!;
    }

    public IServiceProvider Services => _host.Services;

    public IStorage Storage { get; }

    public County County { get; }

    public BufferingBotAdapter Adapter => Services.GetRequiredService<BufferingBotAdapter>();

    public IBot Bot => Services.GetRequiredService<IBot>();

    /// <summary>A host over a fresh embedded (SQLite) store in a temp directory, deleted on dispose.</summary>
    public static EngineHost Embedded(Action<IServiceCollection>? configure = null, EngineSetup? setup = null)
    {
        var directory = Directory.CreateTempSubdirectory("assistbot-engine-").FullName;
        var storage = new EmbeddedStorage(Path.Combine(directory, "assistbot.db"), TimeProvider.System);
        return new EngineHost(storage, configure, setup, directory, storage);
    }

    /// <summary>A host over storage someone else owns (a shared SQLite file, Redis).</summary>
    public static EngineHost Over(IStorage storage, Action<IServiceCollection>? configure = null, EngineSetup? setup = null) =>
        new(storage, configure, setup, null, null);

    public TestFlow Flow(string userId = "user1", string channelId = "test") =>
        new(Adapter, Bot, County, userId, channelId);

    /// <summary>
    /// Takes out the route and free-text handlers the features register (policy Q&amp;A, declaration, status, binding,
    /// loans, reminder commands), keeping the engine's own (the menu placeholders, 删除我的信息) and the types named.
    /// </summary>
    private static void RemoveFeaturesExcept(IServiceCollection services, IReadOnlyCollection<Type> keep)
    {
        var features = services.Where(d => (d.ServiceType == typeof(IRouteHandler) || d.ServiceType == typeof(IFreeTextHandler))
            && d.ImplementationInstance is not PlaceholderRouteHandler
            && d.ImplementationType != typeof(ForgetMeRouteHandler)
            && (d.ImplementationType is null || !keep.Contains(d.ImplementationType))).ToList();
        foreach (var feature in features) services.Remove(feature);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _ownStorage?.Dispose();
        if (_ownDirectory is not null)
            try { Directory.Delete(_ownDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>What an <see cref="EngineHost"/> keeps of the product beyond the engine.</summary>
public sealed class EngineSetup
{
    /// <summary>Product route and free-text handler types to keep (e.g. the loans' route and the reminder commands).</summary>
    public IReadOnlyCollection<Type> Features { get; init; } = [];

    /// <summary>The service's own bot: the WeCom cadre front before the router.</summary>
    public bool CadreFront { get; init; }

    /// <summary>Settings over the host's two counties (yuzhou, the default, and xinfeng).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
