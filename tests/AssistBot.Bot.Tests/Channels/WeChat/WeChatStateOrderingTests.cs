using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistBot.Bot.Tests.WeChat;

/// <summary>
/// The WeChat path reads a conversation's state together with the delivery claim, before the turn's lock is taken.
/// Whatever the timing, no message of a user may be lost or counted twice in that user's conversation state.
/// </summary>
[Collection(SharedRedisCollection.Name)]
public sealed class WeChatStateOrderingTests(SharedRedis redis) : IAsyncLifetime
{
    private WeChatTestHost _host = null!;
    private WeChatPlatform _platform = null!;

    public Task InitializeAsync()
    {
        _host = new WeChatTestHost(redis, useTestBot: false, services: s => s.AddSingleton<IBot, StateCountingBot>());
        _platform = new WeChatPlatform(_host.CreateClient());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> SendAsync(string openId, string text)
    {
        var response = await _platform.PostOaPlainAsync(WeChatPlatform.TextXml(openId, text));
        return WeChatPlatform.PassiveText(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Messages_sent_at_once_by_one_user_each_advance_the_state_exactly_once()
    {
        var openId = WeChatPlatform.NewOpenId();
        var replies = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => SendAsync(openId, "消息" + i)));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"第{n}次"), replies.Select(r => r.Split('：')[0]).Order(StringComparer.Ordinal));
        Assert.Equal("第9次：再来", await SendAsync(openId, "再来"));
    }

    [Fact]
    public async Task A_message_arriving_while_the_previous_turn_still_runs_sees_its_saved_state()
    {
        var openId = WeChatPlatform.NewOpenId();
        var locks = _host.Services.GetRequiredService<ConversationLocks>();
        var conversation = $"{Channels.WeChat}/{TestAccounts.County}:{openId}";
        var slow = SendAsync(openId, "slow:600");
        // Wait until the first turn holds the conversation: it has read the state and not saved it yet.
        for (var i = 0; i < 500 && !locks.IsBusy(conversation); i++) await Task.Delay(10);
        Assert.True(locks.IsBusy(conversation));
        var quick = SendAsync(openId, "快的");

        Assert.Equal("第1次：slow:600", await slow);
        Assert.Equal("第2次：快的", await quick);
    }

    /// <summary>Counts a conversation's messages in its conversation state (saved with If-Match, like every dialog).</summary>
    private sealed class StateCountingBot(ConversationState conversationState) : IBot
    {
        private readonly IStatePropertyAccessor<int> _count = conversationState.CreateProperty<int>("count");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type != ActivityTypes.Message) return;
            var text = turnContext.Activity.Text ?? "";
            var n = await _count.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            if (text.StartsWith("slow:", StringComparison.Ordinal)) await Task.Delay(int.Parse(text[5..]), cancellationToken);
            await _count.SetAsync(turnContext, n, cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
            await turnContext.SendActivityAsync(MessageFactory.Text($"第{n}次：{text}"), cancellationToken);
        }
    }
}
