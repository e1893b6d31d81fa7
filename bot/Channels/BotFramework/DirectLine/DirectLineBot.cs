using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;
using ChannelIds = AssistBot.Bot.Conversation.Schema.Channels;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.BotFramework.DirectLine;

/// <summary>
/// Between Direct Line and the bot: turns a client's activity into the bot's incoming activity (server-assigned
/// id, timestamp and user; roles Web Chat needs), stores it as the echo, runs the turn and stores each reply as the
/// bot sends it, so polling clients see replies as they come, even those sent after the HTTP request was answered.
/// </summary>
public sealed class DirectLineBot(
    BotTurnRunner runner,
    DirectLineConversationStore store,
    IOptions<BotFrameworkOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineBot> logger)
{
    private readonly BotFrameworkOptions _options = options.Value;

    public readonly record struct Outcome(string ActivityId, bool BotFailed);

    /// <summary>The conversation has started: the bot gets <c>conversationUpdate</c> with the bot and the user added.</summary>
    public async Task WelcomeAsync(County county, DirectLineGrant grant, string serviceUrl, TimeSpan wait)
    {
        var user = new ChannelAccount(grant.UserId, null, "user");
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = ChannelIds.DirectLine,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(grant.ConversationId),
            From = user,
            Recipient = Bot(),
            MembersAdded = [Bot(), new ChannelAccount(grant.UserId, null, "user")],
        };
        await RunAsync(county, grant, update, wait).ConfigureAwait(false);
    }

    /// <summary>A client posted an activity: store the echo, run the bot, answer with the activity's id.</summary>
    public async Task<Outcome> ReceiveAsync(County county, DirectLineGrant grant, Activity posted, string serviceUrl,
        TimeSpan wait, CancellationToken ct)
    {
        var activity = posted;
        // As Azure's Direct Line does, the service names the channel, whatever the client wrote (Web Chat writes
        // "webchat"): one conversation keeps one channel id, so the bot finds its state for every turn.
        activity.ChannelId = ChannelIds.DirectLine;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount(grant.ConversationId);
        // The user is the one the token names, whatever from.id the client wrote: a visitor cannot speak as another.
        activity.From = new ChannelAccount(grant.UserId, activity.From?.Name, "user");
        activity.Recipient = Bot();
        activity.Timestamp = null;
        activity.Id = null;
        // The echo is stored before the turn runs: personal data is masked in it first, as the turn would.
        Privacy.InboundPersonalData.Mask(activity);
        await store.AssignIdAsync(grant.ConversationId, activity, ct).ConfigureAwait(false);
        if (activity.Type != ActivityTypes.Typing) await store.AppendAsync(grant.ConversationId, activity, ct).ConfigureAwait(false);

        var failed = await RunAsync(county, grant, activity, wait).ConfigureAwait(false);
        return new Outcome(activity.Id!, failed);
    }

    /// <summary>Runs the turn; waits up to <paramref name="wait"/> for it. True when the bot failed.</summary>
    private async Task<bool> RunAsync(County county, DirectLineGrant grant, Activity incoming, TimeSpan wait)
    {
        // Not the request's token: a turn that outlives the request still delivers its replies.
        var turn = RunTurnAsync(county, grant, incoming, lifetime.ApplicationStopping);
        try
        {
            return await turn.WaitAsync(wait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The bot is taking longer than {Wait} in conversation {Conversation}; its replies will follow",
                wait, grant.ConversationId);
            return false;
        }
    }

    private async Task<bool> RunTurnAsync(County county, DirectLineGrant grant, Activity incoming, CancellationToken ct)
    {
        try
        {
            await runner.RunAsync(county, incoming, async (reply, token) =>
            {
                reply.Id = null;
                reply.Timestamp = null;
                await store.AssignIdAsync(grant.ConversationId, reply, token).ConfigureAwait(false);
                await store.AppendAsync(grant.ConversationId, reply, token).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Direct Line turn ({Type}) in conversation {Conversation} failed", incoming.Type, grant.ConversationId);
            return true;
        }
    }

    private ChannelAccount Bot() => new(_options.BotId, _options.BotName, "bot");
}
