using Microsoft.Extensions.DependencyInjection.Extensions;
using AssistBot.Bot.Admin;
using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Conversation;

using AssistBot.Bot.Dialogs.Binding;
using AssistBot.Bot.Dialogs.Cadres;
using AssistBot.Bot.Dialogs.Declaration;
using AssistBot.Bot.Dialogs.Status;
using AssistBot.Bot.Knowledge;

namespace AssistBot.Bot.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// Self-declarations, households, cadres, binding, the admin API options and the import CLI commands.
    /// The packs' places.yaml and declaration.yaml come from the one pack catalog (<c>AddPackCatalog</c>).
    /// Registers the 困难申报 / 查进度 / 绑定 features with the router; the WeCom cadre front
    /// (<see cref="CadreChannelBot"/>) is put before the router where the bot is composed (<c>AddAssistBot</c>).
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddPackCatalog(configuration);
        services.AddSingleton<CountyCaseData>();
        services.AddSingleton<DeclarationStore>();
        services.AddSingleton<DeclarationDraftStore>();
        services.AddCaseRecords();
        services.AddSingleton<Privacy.IUserDataEraser, CasesUserDataEraser>();
        services.AddSingleton<DeclarationNotifier>();
        services.AddSingleton<DeclarationActions>();
        services.AddSingleton<CadreCommandHandler>();
        services.AddSingleton<CaseImporter>();
        services.AddSingleton<AdminApiKeyFilter>();
        // Mid-form policy questions go to the policy Q&A when it is registered (AddPolicyKnowledge).
        services.AddSingleton<IFormQuestionAnswerer>(sp => sp.GetService<AssistBot.Knowledge.Answering.PolicyAnswerer>() is { } policy
            ? new PolicyFormQuestionAnswerer(policy, sp.GetService<AssistBot.Bot.Dialogs.PolicyQa.PolicyQaDialog>())
            : NoFormAnswers.Instance);
        services.AddSingleton<DeclarationDialog>();
        services.AddSingleton<StatusDialog>();
        services.AddSingleton<BindingDialog>();
        services.AddSingleton<AssistBot.Bot.Dialogs.IRouteHandler, DeclareRouteHandler>();
        services.AddSingleton<AssistBot.Bot.Dialogs.IRouteHandler, StatusRouteHandler>();
        services.AddSingleton<AssistBot.Bot.Dialogs.IRouteHandler, BindingRouteHandler>();
        services.AddSingleton<ICliCommand>(sp => new ImportCommand("roster", sp.GetRequiredService<CaseImporter>()));
        services.AddSingleton<ICliCommand>(sp => new ImportCommand("households", sp.GetRequiredService<CaseImporter>()));
        services.AddSingleton<ICliCommand>(sp => new ImportCommand("sites", sp.GetRequiredService<CaseImporter>()));
        return services;
    }

    /// <summary>
    /// The case records' stores and read interfaces (roster, households, sites, bindings and the binding service), once however many modules
    /// ask: the reminders read them too, and a host may run reminders without the chat features.
    /// </summary>
    public static IServiceCollection AddCaseRecords(this IServiceCollection services)
    {
        services.TryAddSingleton<RosterStore>();
        services.TryAddSingleton<HouseholdStore>();
        services.TryAddSingleton<SiteStore>();
        services.TryAddSingleton<BindingRegistry>();
        services.TryAddSingleton<IRosterReader>(sp => sp.GetRequiredService<RosterStore>());
        services.TryAddSingleton<IHouseholdReader>(sp => sp.GetRequiredService<HouseholdStore>());
        services.TryAddSingleton<IBindingReader, BindingReader>();
        services.TryAddSingleton<BindingService>();
        return services;
    }

    private sealed class NoFormAnswers : IFormQuestionAnswerer
    {
        public static readonly NoFormAnswers Instance = new();

        public Task<string?> AnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
            Task.FromResult<string?>(null);
    }
}
