using AssistBot.Bot.BotFramework.DirectLine;

namespace AssistBot.Bot.BotFramework;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>The Bot Framework channel: Activity endpoint, connector client, Direct Line and the web chat page.</summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotFrameworkOptions>(configuration.GetSection(BotFrameworkOptions.Section));
        services.AddHttpClient(nameof(BotFrameworkAuthenticator));
        services.AddHttpClient(nameof(ConnectorCredentials));
        services.AddSingleton<ConnectorCredentials>();
        services.AddHttpClient<ConnectorClient>((sp, client) =>
                client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotFrameworkOptions>>().Value.ReplyTimeout)
            .ConfigurePrimaryHttpMessageHandler(ConnectorClient.CreateHandler);
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<BotTurnRunner>();
        services.AddSingleton<ConnectorReplyQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectorReplyQueue>());
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineBot>();
        services.AddSingleton<DirectLineStream>();
        return services;
    }
}
