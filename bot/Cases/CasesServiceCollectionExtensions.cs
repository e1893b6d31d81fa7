using AssistBot.Bot.Admin;
using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Cli;
using AssistBot.Knowledge.Declarations;

namespace AssistBot.Bot.Cases;

public static class CasesServiceCollectionExtensions
{
    /// <summary>
    /// Self-declarations, households, cadres, binding, the admin API options and the import CLI commands.
    /// <c>Cases:PacksDirectory</c> overrides where the packs (places.yaml, declaration.yaml) are read from.
    /// </summary>
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddSingleton(_ => CaseCatalog.Load(CasePackFiles.FindPacksDirectory(configuration["Cases:PacksDirectory"])));
        services.AddSingleton<CountyCaseData>();
        services.AddSingleton<DeclarationStore>();
        services.AddSingleton<DeclarationDraftStore>();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<HouseholdStore>();
        services.AddSingleton<BindingRegistry>();
        services.AddSingleton<BindingService>();
        services.AddSingleton<DeclarationNotifier>();
        services.AddSingleton<CadreCommandHandler>();
        services.AddSingleton<CaseImporter>();
        services.AddSingleton<AdminApiKeyFilter>();
        services.AddSingleton<ICliCommand>(sp => new ImportCommand("roster", sp.GetRequiredService<CaseImporter>()));
        services.AddSingleton<ICliCommand>(sp => new ImportCommand("households", sp.GetRequiredService<CaseImporter>()));
        return services;
    }
}
