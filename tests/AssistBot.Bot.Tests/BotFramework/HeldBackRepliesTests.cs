using System.Net.Http.Json;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.BotFramework;

/// <summary>
/// The conversation engine holds a turn's replies back until state is saved (and drops them when the turn is
/// re-run). Direct Line and serviceUrl delivery must see each reply once, when it is let go, never the held copy.
/// </summary>
public sealed class HeldBackRepliesTests
{
    /// <summary>Holds replies while the bot runs, discards the first attempt, re-runs, then sends (as the engine does).</summary>
    private sealed class HoldBackAndRetryMiddleware : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            var held = new List<Activity>();
            var holding = true;
            turnContext.OnSendActivities((_, activities, sendNext) =>
            {
                if (!holding) return sendNext();
                held.AddRange(activities);
                return Task.FromResult(activities.Select(a => new ResourceResponse(a.Id ?? "held")).ToArray());
            });
            await next(cancellationToken); // first attempt: pretend its state save lost, drop its replies
            held.Clear();
            await next(cancellationToken);
            holding = false;
            if (held.Count > 0) await turnContext.SendActivitiesAsync(held.ToList(), cancellationToken);
        }
    }

    private static BotFrameworkHost HostWithHoldingAdapter() => new(configure: builder =>
        builder.ConfigureTestServices(services =>
            services.AddSingleton(_ => (BufferingBotAdapter)new BufferingBotAdapter().Use(new HoldBackAndRetryMiddleware()))));

    [Fact]
    public async Task Direct_Line_shows_each_reply_once()
    {
        await using var host = HostWithHoldingAdapter();
        var client = new DirectLineClient(host.CreateClient());
        var (conversationId, token, _) = await client.StartConversationAsync();
        await client.PostAsync(conversationId, token, DirectLineClient.Message("两条"));

        var (activities, watermark) = await client.ReadAsync(conversationId, token);
        Assert.Equal(["欢迎使用信丰县政策助手", "两条", "第一条", "第二条"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("4", watermark);
    }

    [Fact]
    public async Task The_serviceUrl_gets_each_reply_once()
    {
        await using var host = HostWithHoldingAdapter();
        await using var connector = await ConnectorStandIn.StartAsync();
        await host.CreateClient().PostAsJsonAsync("/api/messages/xinfeng", new
        {
            type = "message", id = "m1", channelId = "emulator", serviceUrl = connector.BaseUrl, text = "两条",
            from = new { id = "u" }, recipient = new { id = "b" }, conversation = new { id = "c" },
        });
        await connector.WaitForAsync(2);
        await Task.Delay(300);
        Assert.Equal(["第一条", "第二条"], connector.ReceivedSoFar.Select(r => r.Activity.Text));
    }
}
