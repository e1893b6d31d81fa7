using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistBot.Bot.Reminders;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage-backed <see cref="IOutbox"/> that every proactive message goes through, and its reminder
    /// pointers (<see cref="IReminderPointers"/>).
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton<IOutbox>(sp => new StorageOutbox(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<IClaimStore>(),
            sp.GetRequiredService<IScoredIndex>(), sp.GetRequiredService<ICounterStore>(), sp.GetRequiredService<TimeProvider>()));
        // The reminders sweeps claim as pointers, expanded at delivery: the outbox's own (none with another outbox).
        services.TryAddSingleton<IReminderPointers>(sp => sp.GetRequiredService<IOutbox>() is StorageOutbox outbox ? outbox.Pointers : null!);
        // "Farmers no reminder reached" for the console and the admin view: the same store answers.
        services.TryAddSingleton<IDeliveryRecords>(sp => (IDeliveryRecords)sp.GetRequiredService<IOutbox>());
        services.TryAddSingleton<Scheduler.Delivery.ISendBudget>(sp =>
            new StorageSendBudget(sp.GetRequiredService<ICounterStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
