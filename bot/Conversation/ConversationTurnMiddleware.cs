using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Conversation.State;
using AssistBot.Bot.Storage;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// Makes a turn safe to run on several instances over shared storage (Bot Builder's "scale-out" pattern, built in):
/// <list type="bullet">
/// <item>turns of one conversation run one at a time, in arrival order, inside this process;</item>
/// <item>the turn's replies are held back until the bot returns (i.e. after its state was saved with If-Match);</item>
/// <item>when the save lost to another instance (<see cref="StorageConflictException"/>), the replies are dropped and
/// the turn runs again on fresh state; after <see cref="MaxAttempts"/> the user gets a polite "send it again".</item>
/// </list>
/// Register it first, so its send handler is the first and nothing downstream sees replies that are dropped.
/// </summary>
public sealed class ConversationTurnMiddleware(
    ConversationLocks locks,
    IEnumerable<BotState> states,
    StorageOutageLog outage,
    ILogger<ConversationTurnMiddleware> logger) : IMiddleware
{
    private readonly BotState[] _states = states.ToArray();

    public int MaxAttempts { get; init; } = 4;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Conversation?.Id is not { Length: > 0 })
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var _ = await locks.AcquireAsync(ConversationLocks.KeyFor(activity), cancellationToken).ConfigureAwait(false);
        var buffer = new ReplyBuffer();
        turnContext.OnSendActivities(buffer.OnSendActivities);

        for (var attempt = 1; ; attempt++)
        {
            buffer.Start();
            try
            {
                await next(cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConflictException conflict)
            {
                buffer.Discard();
                foreach (var state in _states) state.Invalidate(turnContext);
                if (turnContext is TurnContext concrete) concrete.ResetResponded();
                if (attempt < MaxAttempts)
                {
                    logger.LogInformation("State conflict on {Key} (attempt {Attempt}); re-running the turn on fresh state",
                        conflict.Key, attempt);
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                logger.LogWarning("State conflict on {Key} persisted after {Attempts} attempts; asking the user to resend",
                    conflict.Key, attempt);
                await turnContext.SendActivityAsync(MessageFactory.Text(EngineTexts.Busy), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch
            {
                buffer.Discard();
                throw;
            }

            outage.Reachable(); // the turn read and saved its state
            var replies = buffer.Stop();
            if (replies.Count > 0) await turnContext.SendActivitiesAsync(replies, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>Holds a turn's outgoing activities while buffering; passes them through otherwise.</summary>
    private sealed class ReplyBuffer
    {
        /// <summary>
        /// A unique reply id in Guid "N" form. It need not be unpredictable, so the shared fast generator is used:
        /// Guid.NewGuid draws from the OS random source and cost ~1.7% of a WeChat message's CPU under load.
        /// </summary>
        private static string NewReplyId()
        {
            Span<byte> bytes = stackalloc byte[16];
            Random.Shared.NextBytes(bytes);
            return new Guid(bytes).ToString("N");
        }

        private readonly List<Activity> _pending = [];
        private bool _buffering;

        public void Start()
        {
            _pending.Clear();
            _buffering = true;
        }

        public List<Activity> Stop()
        {
            _buffering = false;
            var replies = _pending.ToList();
            _pending.Clear();
            return replies;
        }

        public void Discard()
        {
            _buffering = false;
            _pending.Clear();
        }

        public Task<ResourceResponse[]> OnSendActivities(ITurnContext context, List<Activity> activities,
            Func<Task<ResourceResponse[]>> next)
        {
            if (!_buffering) return next();
            var responses = new ResourceResponse[activities.Count];
            for (var i = 0; i < activities.Count; i++)
            {
                var activity = activities[i];
                activity.Id ??= NewReplyId();
                _pending.Add(activity);
                responses[i] = new ResourceResponse(activity.Id);
            }
            return Task.FromResult(responses);
        }
    }
}
