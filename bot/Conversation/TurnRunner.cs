using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Conversation;

/// <summary>
/// Runs one county turn: the adapter (middleware, per-conversation order, state saves, OnTurnError) and then the
/// bot, collecting the replies. Every channel, the console chat and <c>eval</c> run turns through this one class;
/// the callers keep only how they render and deliver the replies.
/// </summary>
public sealed class TurnRunner
{
    private readonly BufferingBotAdapter _adapter;
    private readonly BotCallbackHandler _bot;

    public TurnRunner(BufferingBotAdapter adapter, IBot bot)
    {
        _adapter = adapter;
        _bot = bot.OnTurnAsync; // one delegate for every turn
    }

    /// <summary>
    /// Runs <paramref name="activity"/> as a turn of <paramref name="county"/>. <paramref name="prepare"/>, when
    /// given, sets up the turn context further (prefetched state, early delivery) before the middleware runs.
    /// No county only in engine tests that have none (the middleware then uses the default county).
    /// </summary>
    public Task<TurnResult> RunAsync(Activity activity, County? county, Action<ITurnContext>? prepare = null,
        CancellationToken cancellationToken = default) =>
        _adapter.ProcessActivityAsync(activity, _bot, county is null ? prepare : prepare is null
            ? ctx => ctx.WithCounty(county)
            : ctx =>
            {
                ctx.WithCounty(county);
                prepare(ctx);
            }, cancellationToken);
}
