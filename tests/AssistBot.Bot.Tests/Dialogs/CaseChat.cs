using System.Security.Cryptography;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Dialogs;

/// <summary>
/// One bot instance with the real engine and the case features over a given storage. Two instances over the same
/// storage and key behave like the service before and after a restart.
/// </summary>
public sealed class CaseChat : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CaseChat(IStorage storage, byte[] dataKey, FakeTimeProvider clock, Action<IServiceCollection>? configure = null)
    {
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DefaultCounty"] = "xinfeng",
            ["Counties:xinfeng:Name"] = "信丰县",
            ["Counties:xinfeng:Pack"] = "xinfeng-2024",
            ["Counties:yuzhou:Name"] = "禹州市",
            ["Counties:yuzhou:Pack"] = "yuzhou-2023",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<Counties>();
        services.AddSingleton(storage).AddStorageRoles();
        services.AddSingleton(new PersonalDataProtector(dataKey));
        services.AddSingleton<IOutbox>(sp => new StorageOutbox(storage, storage, storage, storage, clock));
        services.AddConversationEngine();
        services.AddCases(configuration);
        services.AddChatBot();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Sends a message as a user and returns the replies as a person on WeChat reads them.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text, string user = "o_farmer", string county = "xinfeng", string channel = "wechat")
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            Text = text,
            ChannelId = channel,
            From = new ChannelAccount(user),
            Recipient = new ChannelAccount("bot"),
            Conversation = new ConversationAccount($"{county}:{user}"),
            Timestamp = Clock.GetUtcNow(),
        };
        Get<Counties>().TryGet(county, out var c);
        var result = await Get<BufferingBotAdapter>().ProcessActivityAsync(activity, Get<IBot>().OnTurnAsync, ctx => ctx.WithCounty(c!));
        return result.Replies.Where(r => r.Type == ActivityTypes.Message).Select(ReplyRendering.ToText).ToList();
    }

    /// <summary>All replies of the turn joined, for Contains checks.</summary>
    public async Task<string> Say(string text, string user = "o_farmer", string county = "xinfeng", string channel = "wechat") =>
        string.Join("\n----\n", await SayAsync(text, user, county, channel));

    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync() =>
        (await Get<IOutbox>().ListAsync(OutboxStatus.Pending, 0, 1000)).Select(e => e.Message).ToList();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);
}
