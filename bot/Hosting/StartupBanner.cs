using AssistBot.Bot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AssistBot.Bot.Hosting;

/// <summary>Logs, once the server listens, which storage is in use, which counties, and each channel endpoint's URL.</summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IStorage storage,
    Privacy.PersonalDataProtector personalData,
    Counties counties,
    EndpointDataSource endpoints,
    IServiceProvider services,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = personalData; // resolved at start so a missing key is reported now, not at the first declaration
        lifetime.ApplicationStarted.Register(Log);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Log()
    {
        var baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "";
        logger.LogInformation("AssistBot storage: {Storage}", storage.Description);
        logger.LogInformation("Counties: {Counties} (default {Default})",
            string.Join(", ", counties.All.Select(c => $"{c.Id}={c.Name}/{c.Pack}")), counties.Default?.Id);
        var patterns = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => p.Contains("{county}", StringComparison.Ordinal))
            .Select(p => "/" + p.TrimStart('/'))
            .Distinct()
            .ToList();
        foreach (var county in counties.All)
        foreach (var pattern in patterns)
            logger.LogInformation("  {County}: {Url}", county.Id, baseUrl + pattern.Replace("{county}", county.Id));
        logger.LogInformation("Health: {Url}/healthz", baseUrl);
        LogBotFrameworkMode();
    }

    private void LogBotFrameworkMode()
    {
        switch (services.GetService<BotFramework.BotFrameworkAuthenticator>()?.Mode)
        {
            case BotFramework.BotFrameworkCallerMode.ChannelToken:
                logger.LogInformation("/api/messages: Bot Framework channel tokens required (BotFramework:AppId is set)");
                break;
            case BotFramework.BotFrameworkCallerMode.EmulatorOnLoopback:
                logger.LogInformation("/api/messages: Emulator mode, loopback callers only (no BotFramework:AppId; set one for Azure Bot Service)");
                break;
            case BotFramework.BotFrameworkCallerMode.Anonymous:
                logger.LogWarning("/api/messages: ANONYMOUS mode, anyone who reaches it may talk to the bot (BotFramework:AllowAnonymous is set, no AppId)");
                break;
        }
    }
}
