using AssistBot.Bot.Cli;
using AssistBot.Bot.Dialogs.PolicyQa;
using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Bot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The pack catalog (<see cref="PackCatalogServiceCollectionExtensions.AddPackCatalog"/>), the policy
    /// answerer, the policy Q&amp;A dialog plugged into the router (menu item 1 and the free-text slot) and the
    /// "knowledge check" / "eval" commands.
    /// </summary>
    public static IServiceCollection AddPolicyKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPackCatalog(configuration);
        services.AddSingleton(sp => new PolicyAnswerer(sp.GetRequiredService<PackRegistry>()));
        services.AddSingleton<Review.MissedQuestionStore>();
        services.AddSingleton<Review.PackEditor>();
        services.AddSingleton<Review.AskedTopics>();
        // Questions the bot missed are kept for the console where there is storage (not in storage-less test hosts).
        services.AddSingleton(sp => new PolicyQaHandler(sp.GetRequiredService<PolicyAnswerer>(), sp.GetService<TimeProvider>(),
            sp.GetService<AssistBot.Bot.Storage.IStorage>() is null ? null : sp.GetRequiredService<Review.MissedQuestionStore>(),
            sp.GetService<ILogger<PolicyQaHandler>>(),
            sp.GetService<AssistBot.Bot.Storage.IStorage>() is null ? null : sp.GetRequiredService<Review.AskedTopics>(),
            // Asked when answering, not now: the route handlers depend on the Q&A dialog, which depends on this handler.
            () => sp.GetServices<AssistBot.Bot.Dialogs.IRouteHandler>().Any(h => h.Id == AssistBot.Bot.Dialogs.RouteIds.Declare && !h.IsPlaceholder)
                  && sp.GetService<Microsoft.Extensions.Options.IOptions<AssistBot.Bot.Dialogs.FeatureOptions>>()?.Value.IsOff(AssistBot.Bot.Dialogs.RouteIds.Declare) != true));
        services.AddSingleton<PolicyQaDialog>();
        services.AddSingleton<AssistBot.Bot.Dialogs.IRouteHandler, PolicyQaRouteHandler>();
        services.AddSingleton<AssistBot.Bot.Dialogs.IFreeTextHandler, PolicyQaFreeTextHandler>();
        services.AddSingleton<ICliCommand, KnowledgeCheckCommand>();
        services.AddSingleton<ICliCommand, EvalCommand>();
        services.AddSingleton<ICliCommand, KnowledgeExplainCommand>();
        services.AddSingleton<PolicyEvalRunner>();
        return services;
    }
}
