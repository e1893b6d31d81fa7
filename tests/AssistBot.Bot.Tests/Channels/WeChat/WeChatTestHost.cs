using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>Account settings the tests configure for the county "xinfeng" (yuzhou keeps an empty token).</summary>
public static class TestAccounts
{
    public const string County = "xinfeng";
    public const string OaAppId = "wx5823bf96d3bd56c7";
    public const string OaAppSecret = "test-app-secret";
    public const string OaToken = "QDG6eK";
    public const string OaAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string OaOriginalId = "gh_10f6c3c3ac5a";
    public const string CorpId = "ww1234567890abcdef";
    public const string AgentId = "1000002";
    public const string WeComSecret = "test-wecom-secret";
    public const string WeComToken = "WeComTok3n";
    public const string WeComAesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
}

/// <summary>
/// The real service (Program) on real Redis, with the WeChat APIs pointed at a <see cref="FakeWeChatApi"/>.
/// Until the conversation engine registers the real bot, <see cref="CountingTestBot"/> answers turns.
/// </summary>
public sealed class WeChatTestHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _useTestBot;

    private readonly Action<IServiceCollection>? _services;

    public WeChatTestHost(SharedRedis redis, FakeWeChatApi? api = null, IDictionary<string, string?>? settings = null,
        bool useTestBot = true, Action<IServiceCollection>? services = null)
    {
        _useTestBot = useTestBot;
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Redis"] = redis.Configuration,
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "assistbot-wechat-tests"),
            ["Counties:xinfeng:WeChat:AppId"] = TestAccounts.OaAppId,
            ["Counties:xinfeng:WeChat:AppSecret"] = TestAccounts.OaAppSecret,
            ["Counties:xinfeng:WeChat:Token"] = TestAccounts.OaToken,
            ["Counties:xinfeng:WeChat:EncodingAESKey"] = TestAccounts.OaAesKey,
            ["Counties:xinfeng:WeCom:CorpId"] = TestAccounts.CorpId,
            ["Counties:xinfeng:WeCom:AgentId"] = TestAccounts.AgentId,
            ["Counties:xinfeng:WeCom:Secret"] = TestAccounts.WeComSecret,
            ["Counties:xinfeng:WeCom:Token"] = TestAccounts.WeComToken,
            ["Counties:xinfeng:WeCom:EncodingAESKey"] = TestAccounts.WeComAesKey,
            ["Counties:yuzhou:WeChat:Token"] = "",
            ["WeChat:ApiBaseUrl"] = api?.BaseUrl ?? "http://127.0.0.1:9",
            ["WeCom:ApiBaseUrl"] = api?.BaseUrl ?? "http://127.0.0.1:9",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (settings is not null)
            foreach (var (k, v) in settings) _settings[k] = v;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        // Telemetry exporters are chosen while services are registered, before app configuration sources are added.
        foreach (var (key, value) in _settings)
            if (key.StartsWith("Observability:", StringComparison.Ordinal) || key.StartsWith("OTEL_", StringComparison.Ordinal))
                builder.UseSetting(key, value);
        if (_useTestBot)
            builder.ConfigureTestServices(s => s.AddSingleton<IBot, CountingTestBot>());
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public IStorage Storage => Services.GetRequiredService<IStorage>();
}

/// <summary>
/// A stand-in bot for protocol tests: counts message turns per conversation in storage (so a test sees whether a
/// dialog advanced), echoes the text with numbered choices, sleeps for "slow:{ms}" and answers "long" with a text
/// longer than one WeChat message.
/// </summary>
public sealed class CountingTestBot(IStorage storage) : IBot
{
    public static string CounterKey(string conversationId) => "test/turns/" + conversationId;

    public static readonly string LongText = string.Concat(Enumerable.Range(1, 120).Select(i => $"第{i}条政策说明，请仔细阅读。\n"));

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when activity.MembersAdded is { Count: > 0 }:
                await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(["政策咨询", "困难申报"], "欢迎关注"), cancellationToken);
                return;
            case ActivityTypes.Event:
                await turnContext.SendActivityAsync(MessageFactory.Text($"事件 {activity.Name} {activity.Value?.GetRawText()}"), cancellationToken);
                return;
            case ActivityTypes.Message:
                var text = activity.Text ?? "";
                if (text.StartsWith("slow:", StringComparison.Ordinal))
                    await Task.Delay(int.Parse(text[5..]), cancellationToken);
                var n = await storage.IncrementAsync(CounterKey(activity.Conversation!.Id), cancellationToken: cancellationToken);
                if (text == "long")
                {
                    await turnContext.SendActivityAsync(MessageFactory.Text(LongText), cancellationToken);
                    return;
                }
                await turnContext.SendActivityAsync(MessageFactory.Text($"第{n}次：{text}"), cancellationToken);
                await turnContext.SendActivityAsync(MessageFactory.SuggestedActions(["好", "不好"], "还要别的吗？"), cancellationToken);
                return;
        }
    }
}
