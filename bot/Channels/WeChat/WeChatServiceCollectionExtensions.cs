using AssistBot.Bot.Cli;

namespace AssistBot.Bot.WeChat;

public static class WeChatServiceCollectionExtensions
{
    /// <summary>The Official Account and WeCom channels and their outbound API clients.</summary>
    public static IServiceCollection AddWeChatChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WeChatChannelOptions>(configuration.GetSection(WeChatChannelOptions.Section));
        services.Configure<WeChatApiOptions>(configuration.GetSection(WeChatChannelOptions.Section));
        services.Configure<WeComApiOptions>(configuration.GetSection(WeComApiOptions.Section));
        services.AddHttpClient(WeChatApiCaller.HttpClientName).AddWeChatResilience();
        services.AddSingleton<AccessTokenCache>();
        services.AddSingleton<WeChatApiClient>();
        services.AddSingleton<WeComApiClient>();
        services.AddSingleton<WeChatUserDirectory>();
        services.AddSingleton<CustomerServiceQuota>();
        services.AddSingleton<Privacy.RetentionSweeper>();
        services.AddSingleton<Privacy.IUserDataEraser, WeChatUserDataEraser>();
        services.AddHostedService(sp => sp.GetRequiredService<Privacy.RetentionSweeper>());
        services.AddSingleton<WeChatRateLimiter>();
        services.AddSingleton<WeChatCryptoProvider>();
        services.AddSingleton<WeChatMessageProcessor>();
        // 订阅通知: consent records, the events that write them, the bizsend sender.
        services.AddSingleton<Subscriptions.ISubscriptionConsents, Subscriptions.StorageSubscriptionConsents>();
        services.AddSingleton<Subscriptions.SubscriptionEventHandler>();
        services.AddSingleton<Subscriptions.SubscriptionSender>();
        services.AddSingleton<ICliCommand, WeChatSendCommand>();
        return services;
    }
}
