using System.Security.Cryptography;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;
using AssistBot.Scheduler.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssistBot.Bot.Tests.Dialogs;

/// <summary>
/// One bot instance built by the service's composition root (<see cref="TestServiceHost"/>): the real engine, the
/// cases and the cadre front, with the policy Q&amp;A and the loans switched off (<c>Features:Off</c>, the product's own
/// switch), over a given storage, data key and clock. Two instances over the same storage and key behave like the
/// service before and after a restart.
/// </summary>
public sealed class CaseChat : IAsyncDisposable
{
    private readonly TestServiceHost _host;

    /// <param name="withPolicy">Keep the policy Q&amp;A on (off by default, so declarations are tested on their own).</param>
    public CaseChat(IStorage storage, byte[] dataKey, FakeTimeProvider clock, Action<IServiceCollection>? configure = null,
        bool withPolicy = false)
    {
        Clock = clock;
        var settings = AssistBotFactory.TwoCounties("xinfeng");
        settings["DataProtection:Key"] = Convert.ToBase64String(dataKey);
        settings["Features:Off:0"] = "loan";
        if (!withPolicy) settings["Features:Off:1"] = "policy";
        _host = TestServiceHost.Build(settings, services =>
        {
            TestServiceHost.UseStorage(services, storage);
            TestServiceHost.UseClock(services, clock);
            configure?.Invoke(services);
        });
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Get<T>();

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

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);
}
