using AssistBot.Bot.Admin;
using AssistBot.Bot.BotFramework;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cli;
using AssistBot.Bot.StaffConsole;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Knowledge;
using AssistBot.Bot.Observability;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.WeChat;
using AssistBot.Bot.WeChat.Subscriptions;

var isCli = CliRunner.IsCliInvocation(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // CLI words are not configuration; host options (--urls …) are.
    Args = isCli ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
// Help is read by a person: no start-up warnings in front of it.
if (isCli) builder.Logging.SetMinimumLevel(CliRunner.WantsHelp(args) ? LogLevel.Error : LogLevel.Warning);
if (!isCli) builder.UseInlineIoWhenWanted();

builder.Services.AddAssistBotCore(builder.Configuration);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddAssistBotObservability(builder.Configuration);
builder.Services.AddPolicyKnowledge(builder.Configuration);
builder.Services.AddOutbox();
builder.Services.AddConversationEngine();
builder.Services.AddCases(builder.Configuration); // after the engine: adds its dialogs and the WeCom cadre front
builder.Services.AddWeChatChannels(builder.Configuration);
builder.Services.AddBotFrameworkChannel(builder.Configuration);
builder.Services.AddReminders(builder.Configuration, isCli);
builder.Services.AddStaffConsole(builder.Configuration);

var app = builder.Build();
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

if (!CountySettingsCheck.Passes(app.Services)) return 1;

if (isCli)
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    return await CliRunner.RunAsync(app.Services, args, cancel.Token);
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to tests (WebApplicationFactory).</summary>
public partial class Program;
