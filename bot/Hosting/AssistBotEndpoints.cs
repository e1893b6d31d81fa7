using AssistBot.Bot.Admin;
using AssistBot.Bot.BotFramework;
using AssistBot.Bot.Observability;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.StaffConsole;
using AssistBot.Bot.WeChat;
using AssistBot.Bot.WeChat.Subscriptions;

namespace AssistBot.Bot.Hosting;

public static class AssistBotEndpoints
{
    /// <summary>The request pipeline and every endpoint of the service (see README "Endpoints").</summary>
    public static WebApplication MapAssistBot(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: everything after it sees the client's scheme and address
        app.MapHealthEndpoints();
        app.MapAssistBotMetrics();
        app.MapWeChatEndpoints();
        app.MapWeChatSubscribePage();
        app.UseWebSockets();
        app.MapBotFrameworkEndpoints();
        app.MapAdminEndpoints();
        app.MapReminderAdminEndpoints();
        app.MapStaffConsole();
        return app;
    }
}
