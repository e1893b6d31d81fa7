using AssistBot.Bot.Cases;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Reminders.Cli;
using AssistBot.Bot.Reminders.Commands;
using AssistBot.Bot.Reminders.Loans;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Hosting;
using AssistBot.Scheduler.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistBot.Bot.Reminders;

public static class ReminderServiceCollectionExtensions
{
    /// <summary>
    /// Reminders: the scheduler's sweeps, Quartz and delivery worker, with the bot's storage-backed ports, the loan
    /// book and importer, and the CLI commands. In CLI mode nothing is scheduled.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration, bool isCli = false)
    {
        services.AddOutbox();
        services.AddReminderScheduling(configuration, schedule: !isCli);

        services.AddSingleton<ConfiguredReminderCounties>();
        services.AddSingleton<IReminderCounties>(sp => sp.GetRequiredService<ConfiguredReminderCounties>());
        services.AddSingleton<ISweepWatermarks, StorageSweepWatermarks>(sp =>
            new StorageSweepWatermarks(sp.GetRequiredService<Storage.IDocumentStore>()));
        services.AddSingleton<StorageDutyLedger>();
        services.AddSingleton<IDutyLedger>(sp => sp.GetRequiredService<StorageDutyLedger>());
        services.AddSingleton<StorageWindowSubscribers>();
        services.AddSingleton<IWindowSubscribers>(sp => sp.GetRequiredService<StorageWindowSubscribers>());
        services.AddCaseRecords();
        services.TryAddSingleton<ICadreDirectory, RosterCadreDirectory>();
        services.TryAddSingleton<IDutySubjects>(sp => sp.GetRequiredService<HouseholdDutySubjects>());
        // The WeChat channel's API clients when the channel is registered (AddWeChatChannels), else a sender that
        // records every message as failed with the reason.
        services.TryAddSingleton<IMessageSender>(sp => sp.GetService<WeChat.WeChatApiClient>() is null
            ? new NotConfiguredMessageSender()
            : ActivatorUtilities.CreateInstance<WeChatMessageSender>(sp));

        services.AddSingleton<StorageBorrowerAccounts>();
        services.AddSingleton<BoundBorrowerAccounts>();
        services.AddSingleton<Privacy.IUserDataEraser, ReminderUserDataEraser>();
        services.TryAddSingleton<IBorrowerAccounts>(sp => sp.GetRequiredService<BoundBorrowerAccounts>());
        services.AddSingleton<LoanStore>();
        services.AddSingleton<ILoanBook>(sp => sp.GetRequiredService<LoanStore>());
        services.AddSingleton<LoanImporter>();

        services.AddSingleton<HouseholdDutySubjects>();
        services.AddSingleton<DutyDesk>();
        services.AddSingleton<IFarmerBindingCheck, LoanBindingCheck>();
        services.AddSingleton<AssistBot.Bot.Dialogs.IRouteHandler, LoanRouteHandler>();
        // Declaration step deadlines, when the cases part is registered.
        services.AddSingleton<IDeadlineSource>(sp => sp.GetService<Cases.DeclarationStore>() is null
            ? new NoDeadlines()
            : ActivatorUtilities.CreateInstance<DeclarationDeadlines>(sp));
        // WeCom task cards: built by the sender, clicked through CadreCardActions (when the WeChat channels are registered).
        services.AddSingleton<Dialogs.Cadres.Cards.CadreCards>();
        services.AddSingleton<Cases.Cadres.ICadreCommandExtension, Dialogs.Cadres.Cards.CadreDigestCommand>();
        services.AddSingleton(sp => sp.GetService<WeChat.WeComApiClient>() is null || sp.GetService<Cases.DeclarationStore>() is null
            ? null!
            : ActivatorUtilities.CreateInstance<Dialogs.Cadres.Cards.CadreCardActions>(sp));
        services.AddSingleton<ReminderCadreCommands>();
        services.AddSingleton<Cases.Cadres.ICadreCommandExtension>(sp => sp.GetRequiredService<ReminderCadreCommands>());
        services.AddSingleton<IFreeTextHandler, ReminderCommandHandler>();

        services.AddSingleton<ICliCommand, ImportLoansCommand>();
        services.AddSingleton<ICliCommand, PreviewRemindersCommand>();
        return services;
    }

    private sealed class NoDeadlines : IDeadlineSource
    {
        public async IAsyncEnumerable<Deadline> DueBetweenAsync(string countyId, DateOnly first, DateOnly last,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            yield break;
        }
    }
}
