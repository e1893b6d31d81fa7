using AssistBot.Bot.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AssistBot.Bot.Hosting;

/// <summary>
/// Logs, once the server listens, a few lines a person needs: the address and storage, and per county the web chat and
/// the callback URLs for the WeChat and WeCom admin pages. Every route only at debug level.
/// </summary>
internal sealed class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    IStorageHealth storage,
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
        logger.LogInformation("AssistBot listening on {Url}; storage: {Storage}", baseUrl, storage.Description);
        foreach (var county in counties.All)
        {
            // The three addresses a newcomer needs per county: the web chat to try, and the callback URLs to paste
            // into the WeChat and WeCom admin pages (with whether the channel is configured yet).
            logger.LogInformation("{County} {Name} ({Pack}): web chat {Base}/chat/{County}", county.Id, county.Name, county.Pack, baseUrl, county.Id);
            logger.LogInformation("{County}   WeChat OA callback {Base}/wechat/{County} ({WeChat}); WeCom callback {Base}/wecom/{County} ({WeCom})",
                county.Id, baseUrl, county.Id, Configured(county.Options.WeChat.Token), baseUrl, county.Id, Configured(county.Options.WeCom.Token));
        }
        logger.LogInformation("Health: {Url}/healthz (liveness {Url}/health/live, readiness {Url}/health/ready)", baseUrl, baseUrl, baseUrl);
        LogBotFrameworkMode();

        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var patterns = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var pattern in patterns) logger.LogDebug("Route: {Pattern}", pattern);
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

    private static string Configured(string token) => string.IsNullOrWhiteSpace(token) ? "not configured" : "configured";
}
