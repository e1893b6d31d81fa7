using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.Storage;

/// <summary>
/// Every storage role a consumer asks for is the one registered backend: a write through one role is what a read
/// through another sees, in the service and in hosts that swap the backend.
/// </summary>
public sealed class StorageRolesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "assistbot-roles-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _root })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataDirectory>();
        services.AddAssistBotStorage(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static object[] Roles(IServiceProvider sp) =>
    [
        sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<IClaimStore>(), sp.GetRequiredService<IClaimResults>(),
        sp.GetRequiredService<IScoredIndex>(),
        sp.GetRequiredService<ISweepReads>(), sp.GetRequiredService<ICounterStore>(), sp.GetRequiredService<IStorageHealth>(),
    ];

    [Fact]
    public async Task Every_role_is_the_one_registered_backend()
    {
        await using var services = Services();
        var storage = services.GetRequiredService<IStorage>();

        Assert.All(Roles(services), role => Assert.Same(storage, role));
        Assert.StartsWith("embedded", services.GetRequiredService<IStorageHealth>().Description);
    }

    [Fact]
    public async Task A_host_that_replaces_the_backend_replaces_every_role()
    {
        using var replacement = new EmbeddedStorage(Path.Combine(_root, "other.db"), TimeProvider.System);
        await using var services = Services(s => s.AddSingleton<IStorage>(replacement));

        Assert.All(Roles(services), role => Assert.Same(replacement, role));
    }
}
