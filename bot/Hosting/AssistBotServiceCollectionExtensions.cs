using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistBot.Bot.Hosting;

public static class AssistBotServiceCollectionExtensions
{
    /// <summary>What every part of the service stands on: time, counties, the data directory, storage, privacy.</summary>
    public static IServiceCollection AddAssistBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        // TryAdd: libraries registered by other parts (HTTP resilience) add the same clock; one registration whatever the order.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Counties>();
        services.AddOptions<CountiesOptions>().Bind(configuration.GetSection("Counties")).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CountiesOptions>, CountySettingsValidator>();
        services.AddSingleton<DataDirectory>();
        services.AddAssistBotStorage(configuration);
        services.AddPersonalDataProtection(configuration);
        services.AddAssistBotHealthChecks();
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
