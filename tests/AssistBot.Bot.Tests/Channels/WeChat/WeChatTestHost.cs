using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
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
/// The real service (<see cref="AssistBotFactory"/>) on real Redis, with the WeChat APIs pointed at a
/// <see cref="FakeWeChatApi"/>. Unless a test wants the real bot, <see cref="CountingTestBot"/> answers turns.
/// </summary>
public sealed class WeChatTestHost(SharedRedis redis, FakeWeChatApi? api = null, IDictionary<string, string?>? settings = null,
    bool useTestBot = true, Action<IServiceCollection>? services = null)
    : AssistBotFactory(Settings(redis, api, settings), Path.Combine(Path.GetTempPath(), "assistbot-wechat-tests"), s =>
    {
        if (useTestBot) s.AddSingleton<IBot, CountingTestBot>();
        services?.Invoke(s);
    })
{
    private static Dictionary<string, string?> Settings(SharedRedis redis, FakeWeChatApi? api, IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Storage:Redis"] = redis.Configuration,
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
            foreach (var (k, v) in settings) all[k] = v;
        return all;
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
