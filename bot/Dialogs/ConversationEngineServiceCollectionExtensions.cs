using AssistBot.Bot.Cli;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.State;

namespace AssistBot.Bot.Dialogs;

public static class ConversationEngineServiceCollectionExtensions
{
    /// <summary>
    /// The conversation engine: conversation and user state over <see cref="Storage.IDocumentStore"/>, the router with its
    /// placeholder features, the router's <see cref="DialogBot"/>, and a <see cref="BufferingBotAdapter"/> with
    /// per-conversation ordering, If-Match state saves with re-run on conflict, and a polite OnTurnError. The
    /// <see cref="IBot"/> itself (cadre front before the router) is composed in <c>AddAssistBot</c>. Features add
    /// <see cref="IRouteHandler"/> / <see cref="IFreeTextHandler"/> singletons.
    /// </summary>
    public static IServiceCollection AddConversationEngine(this IServiceCollection services)
    {
        // Chat state expires after Retention:Conversation without a change (default 180 days).
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<Storage.IDocumentStore>()) { TimeToLive = Retention(sp) });
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<Storage.IDocumentStore>()) { TimeToLive = Retention(sp) });
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<ConversationState>());
        services.AddSingleton<BotState>(sp => sp.GetRequiredService<UserState>());
        services.AddSingleton<ConversationLocks>();
        services.TryAddSingleton<Storage.StorageOutageLog>();
        services.AddSingleton<Interruptions>();
        foreach (var placeholder in PlaceholderRouteHandler.All()) services.AddSingleton(placeholder);
        services.AddSingleton<Privacy.ForgetMeDialog>();
        services.AddSingleton<IRouteHandler, Privacy.ForgetMeRouteHandler>();
        services.AddSingleton<RouterDialog>();
        services.AddSingleton(sp => new DialogBot(
            sp.GetRequiredService<ConversationState>(),
            sp.GetRequiredService<UserState>(),
            sp.GetRequiredService<RouterDialog>(),
            sp.GetRequiredService<Interruptions>(),
            sp.GetRequiredService<ILogger<DialogBot>>()));
        services.AddSingleton<ConversationTurnMiddleware>();
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton(sp =>
        {
            var adapter = new BufferingBotAdapter();
            adapter.Use(sp.GetRequiredService<ConversationTurnMiddleware>());
            adapter.OnTurnError = sp.GetRequiredService<TurnErrorHandler>().HandleAsync;
            return adapter;
        });
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<ICliCommand, ChatCommand>();
        return services;
    }

    private static TimeSpan Retention(IServiceProvider services) =>
        services.GetService<Microsoft.Extensions.Options.IOptions<AssistBot.Bot.Privacy.RetentionOptions>>()?.Value.Conversation
        ?? new AssistBot.Bot.Privacy.RetentionOptions().Conversation;
}
