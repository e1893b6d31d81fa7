using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs.PolicyQa;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Knowledge;

public sealed record EvalCaseResult(EvalCase Case, bool Passed, string? Reason, string Reply);

/// <summary>
/// Runs eval cases the way a channel runs a message: an Activity through <see cref="BufferingBotAdapter"/> with the
/// case's county, a fresh conversation per case, all reply texts joined (suggested actions rendered as numbered lines,
/// as WeChat shows them). Uses the registered <see cref="IBot"/> when there is one; otherwise the policy Q&amp;A handler.
/// </summary>
public sealed class PolicyEvalRunner(IServiceProvider services, Counties counties, PolicyQaHandler handler, TimeProvider time)
{
    public async Task<EvalCaseResult> RunAsync(EvalCase evalCase, CancellationToken cancellationToken = default)
    {
        if (!counties.TryGet(evalCase.County, out var county))
            return new EvalCaseResult(evalCase, false, $"unknown county '{evalCase.County}'", "");

        var adapter = services.GetService<BufferingBotAdapter>() ?? new BufferingBotAdapter();
        var bot = services.GetService<IBot>();
        BotCallbackHandler callback = bot is not null
            ? bot.OnTurnAsync
            : (ctx, ct) => handler.HandleAsync(ctx, new PolicyQaState(), ct);

        var user = "eval-" + Guid.NewGuid().ToString("N")[..12];
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Channels.Test,
            From = new ChannelAccount(user, user, "user"),
            Recipient = new ChannelAccount("assistbot", "AssistBot", "bot"),
            Conversation = new ConversationAccount { Id = $"{county.Id}:{user}" },
            Text = evalCase.Question,
            Locale = "zh-CN",
            Timestamp = time.GetUtcNow(),
        };
        var result = await adapter.ProcessActivityAsync(activity, callback, ctx => ctx.WithCounty(county), cancellationToken);
        var reply = Flatten(result.Replies);
        var reason = evalCase.Check(reply);
        return new EvalCaseResult(evalCase, reason is null, reason, reply);
    }

    /// <summary>All message texts of a turn as text channels render them (suggested actions as "1. label" lines).</summary>
    public static string Flatten(IEnumerable<Activity> replies) =>
        string.Join("\n", replies.Where(r => r.IsMessage).Select(ReplyRendering.ToText));
}
