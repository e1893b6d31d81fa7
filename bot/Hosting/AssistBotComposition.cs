using AssistBot.Bot.BotFramework;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cases.Cadres;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Dialogs.Cadres;
using AssistBot.Bot.Dialogs.Cadres.Cards;
using AssistBot.Bot.Knowledge;
using AssistBot.Bot.Observability;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.StaffConsole;
using AssistBot.Bot.WeChat;

namespace AssistBot.Bot.Hosting;

/// <summary>
/// The one composition root: <c>Program.cs</c> and every test host build the service from here, each part
/// registered once, so the order of the calls below does not matter for correctness.
/// </summary>
public static class AssistBotComposition
{
    /// <summary>
    /// Everything the service runs: storage, channels, the conversation engine with its dialogs, cases, reminders,
    /// the staff console. <paramref name="scheduleReminders"/> false (command-line runs) schedules no sweeps and
    /// starts no delivery worker.
    /// </summary>
    public static IServiceCollection AddAssistBot(this IServiceCollection services, IConfiguration configuration,
        bool scheduleReminders = true)
    {
        services.AddAssistBotCore(configuration);
        services.AddReverseProxySupport(configuration);
        services.AddAssistBotObservability(configuration);
        services.AddPolicyKnowledge(configuration);
        services.AddConversationEngine();
        services.AddCases(configuration);
        services.AddWeChatChannels(configuration);
        services.AddBotFrameworkChannel(configuration);
        services.AddReminders(configuration, isCli: !scheduleReminders);
        services.AddStaffConsole(configuration);
        services.AddChatBot();
        return services;
    }

    /// <summary>
    /// The bot every channel runs a turn through: the WeCom cadre front (<see cref="CadreChannelBot"/>) before the
    /// farmers' router and dialogs (<see cref="DialogBot"/>). Composed here and nowhere else.
    /// </summary>
    public static IServiceCollection AddChatBot(this IServiceCollection services)
    {
        services.AddSingleton<IBot>(sp => new CadreChannelBot(
            sp.GetRequiredService<DialogBot>(),
            sp.GetRequiredService<CadreCommandHandler>(),
            sp.GetRequiredService<ILogger<CadreChannelBot>>(),
            sp.GetService<CadreCardActions>()));
        return services;
    }
}
