using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;

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

builder.Services.AddAssistBot(builder.Configuration, scheduleReminders: !isCli);

var app = builder.Build();
app.MapAssistBot();

if (!CountySettingsCheck.Passes(app.Services)) return 1;

if (isCli)
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    return await CliRunner.RunAsync(app.Services, args, cancel.Token).ConfigureAwait(false);
}

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Entry point type, visible to tests (WebApplicationFactory).</summary>
public partial class Program;
