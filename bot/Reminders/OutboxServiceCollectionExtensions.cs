using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistBot.Bot.Reminders;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>Registers the storage-backed <see cref="IOutbox"/> that every proactive message goes through.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton<IOutbox>(sp => new StorageOutbox(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
