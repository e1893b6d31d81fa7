using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Knowledge;

public static class PackCatalogServiceCollectionExtensions
{
    /// <summary>
    /// The one pack catalog (<see cref="PackRegistry"/>) that the Q&amp;A, the cases and the reminders all read: every
    /// pack file from <c>Knowledge:PacksDirectory</c> (relative to the binary; else <c>packs/</c> next to it), validated,
    /// and reloaded together when a file changes (<see cref="PackWatcher"/>). Registered once however many modules ask.
    /// </summary>
    public static IServiceCollection AddPackCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(PackRegistry))) return services;
        services.Configure<KnowledgeOptions>(configuration.GetSection(KnowledgeOptions.Section));
        services.AddSingleton(sp => new PackRegistry(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePacksDirectory(),
            sp.GetService<Counties>()?.All.Select(c => c.Id).ToList(), sp.GetService<TimeProvider>()));
        services.AddHostedService<PackWatcher>();
        return services;
    }
}
