using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AssistBot.Bot.Tests.Infrastructure;

/// <summary>
/// The service's own composition root (<see cref="AssistBotComposition.AddAssistBot"/>) for in-process tests that need
/// no HTTP: settings from memory only (no appsettings.json), no sweeps scheduled and nothing started (hosted services
/// do not run), and only what a test must replace replaced after the root, the ASP.NET Core way (the last
/// registration wins): <see cref="UseStorage"/>, <see cref="UseClock"/>. The hosts over HTTP build from the same root
/// through <c>Program</c> (<see cref="AssistBotFactory"/>, <c>WeChatTestHost</c>).
/// </summary>
public sealed class TestServiceHost : IAsyncDisposable, IDisposable
{
    /// <summary>A fixed personal-data key (base64 of 32 bytes), so every host of a test reads what another wrote.</summary>
    public const string DataKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly IHost _host;
    private readonly string _dataDirectory;

    private TestServiceHost(IHost host, string dataDirectory)
    {
        _host = host;
        _dataDirectory = dataDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Builds the service from <c>AddAssistBot</c> with <paramref name="settings"/> over the test defaults (embedded
    /// store in a private data directory, <see cref="DataKey"/>, packs not watched), then runs
    /// <paramref name="replace"/> on the registrations. The graph is validated on build, as in Development.
    /// </summary>
    public static TestServiceHost Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "assistbot-test-" + Guid.NewGuid().ToString("N"));
        // The web host's own services (environment, server, diagnostics) as the service has them; its configuration
        // sources are replaced by the test's settings.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Redis"] = "",
            ["Storage:DataDirectory"] = dataDirectory,
            ["DataProtection:Key"] = DataKey,
            ["Knowledge:Watch"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAssistBot(builder.Configuration, scheduleReminders: false);
        replace?.Invoke(builder.Services);
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateOnBuild = true; o.ValidateScopes = true; });
        return new TestServiceHost(builder.Build(), dataDirectory);
    }

    /// <summary>
    /// The storage the test owns (one file two "instances" share, a reopened file, a Redis connection) as
    /// <see cref="IStorage"/> and so as every role; the test disposes it.
    /// </summary>
    public static void UseStorage(IServiceCollection services, IStorage storage) => Use(services, storage);

    /// <summary>The test's clock as the service's <see cref="TimeProvider"/>.</summary>
    public static void UseClock(IServiceCollection services, TimeProvider clock) => Use(services, clock);

    /// <summary>Replaces every registration of <typeparamref name="T"/> with one instance.</summary>
    public static void Use<T>(IServiceCollection services, T instance) where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(instance);
    }

    /// <summary>Replaces every registration of <typeparamref name="T"/> with one singleton made by <paramref name="factory"/>.</summary>
    public static void Use<T>(IServiceCollection services, Func<IServiceProvider, T> factory) where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(factory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else _host.Dispose();
        try
        {
            if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
