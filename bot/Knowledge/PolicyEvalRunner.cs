using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Bot.Dialogs.PolicyQa;
using AssistBot.Bot.Hosting;

namespace AssistBot.Bot.Knowledge;

public sealed record EvalCaseResult(EvalCase Case, bool Passed, string? Reason, string Reply)
{
    public EvalVerdict Verdict { get; init; }

    /// <summary>The entry that answered (from the reply activity), if any.</summary>
    public string? EntryId { get; init; }

    /// <summary>answer / clarify / fallback.</summary>
    public string Outcome { get; init; } = EvalScore.Fallback;
}

/// <summary>
/// Runs eval cases the way a channel runs a message: an Activity through <see cref="BufferingBotAdapter"/> with the
/// case's county, a fresh conversation per case (per conversation case: one conversation for all its turns), all reply
/// texts joined (suggested actions rendered as numbered lines, as WeChat shows them). The answering entry is read from
/// the reply activity's properties, which channels do not render. Uses the registered <see cref="IBot"/> when there is
/// one; otherwise the policy Q&amp;A handler.
/// </summary>
public sealed class PolicyEvalRunner(IServiceProvider services, Counties counties, PolicyQaHandler handler, TimeProvider time)
{
    public async Task<EvalCaseResult> RunAsync(EvalCase evalCase, CancellationToken cancellationToken = default) =>
        (await RunTurnsAsync(evalCase.County, [evalCase], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>A conversation case: every turn in one conversation, in order; one result per turn.</summary>
    public Task<IReadOnlyList<EvalCaseResult>> RunConversationAsync(EvalCase conversation, CancellationToken cancellationToken = default) =>
        RunTurnsAsync(conversation.County, conversation.Turns ?? [], cancellationToken);

    private async Task<IReadOnlyList<EvalCaseResult>> RunTurnsAsync(string countyId, IReadOnlyList<EvalCase> turns,
        CancellationToken cancellationToken)
    {
        if (!counties.TryGet(countyId, out var county))
            return turns.Select(t => new EvalCaseResult(t, false, $"unknown county '{countyId}'", "") { Verdict = EvalVerdict.FellBack }).ToList();

        // The service's bot when this host has the conversation engine; else the policy Q&A alone.
        var runner = services.GetService<TurnRunner>()
            ?? new TurnRunner(new BufferingBotAdapter(), new PolicyQaOnly(handler, new PolicyQaState()));

        var user = "eval-" + Guid.NewGuid().ToString("N")[..12];
        var results = new List<EvalCaseResult>(turns.Count);
        List<string> offered = [];
        foreach (var turn in turns)
        {
            // "choose": reply with the number of that choice, as a farmer picking it would.
            var sent = turn.Choose is { } pick && offered.IndexOf(pick) is >= 0 and var at ? (at + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : turn.Question;
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Id = Guid.NewGuid().ToString("N"),
                ChannelId = Channels.Test,
                From = new ChannelAccount(user, user, "user"),
                Recipient = new ChannelAccount("assistbot", "AssistBot", "bot"),
                Conversation = new ConversationAccount { Id = $"{county.Id}:{user}" },
                Text = sent,
                Locale = "zh-CN",
                Timestamp = time.GetUtcNow(),
            };
            var result = await runner.RunAsync(activity, county, cancellationToken: cancellationToken).ConfigureAwait(false);
            var text = Flatten(result.Replies);
            var reply = ReadReply(result.Replies, text);
            offered = OfferedChoices(result.Replies);
            var (verdict, why) = EvalScore.Judge(turn, reply);
            var reason = turn.Expect is null ? turn.Check(text) : verdict == EvalVerdict.Correct ? null : why ?? verdict.ToString();
            results.Add(new EvalCaseResult(turn, reason is null, reason, text) { Verdict = verdict, EntryId = reply.EntryId, Outcome = reply.Outcome });
        }
        return results;
    }

    /// <summary>The policy reply's outcome and entry from its activity properties; other replies by their text.</summary>
    public static EvalReply ReadReply(IEnumerable<Activity> replies, string text)
    {
        foreach (var r in replies)
            if (r.Properties is { } p && p.TryGetValue(PolicyQaReplies.OutcomeProperty, out var outcome))
                return new EvalReply(outcome.GetString() ?? EvalScore.Fallback,
                    p.TryGetValue(PolicyQaReplies.EntryIdProperty, out var id) ? id.GetString() : null, text);
        if (text.Contains(AssistBot.Knowledge.Answering.PolicyTexts.ClarifyLead, StringComparison.Ordinal))
            return new EvalReply(EvalScore.Clarify, null, text);
        return new EvalReply(AssistBot.Knowledge.Packs.PackValidator.HasBookTitle(text) ? EvalScore.Answer : EvalScore.Fallback, null, text);
    }

    /// <summary>The entry ids of the numbered choices a turn offered (none when it did not ask).</summary>
    private static List<string> OfferedChoices(IEnumerable<Activity> replies)
    {
        foreach (var r in replies)
            if (r.Properties is { } p && p.TryGetValue(PolicyQaReplies.ChoiceIdsProperty, out var ids) && ids.ValueKind == System.Text.Json.JsonValueKind.Array)
                return [.. ids.EnumerateArray().Select(e => e.GetString() ?? "")];
        return [];
    }

    /// <summary>All message texts of a turn as text channels render them (suggested actions as "1. label" lines).</summary>
    public static string Flatten(IEnumerable<Activity> replies) =>
        string.Join("\n", replies.Where(r => r.IsMessage).Select(ReplyRendering.ToText));

    /// <summary>The policy Q&amp;A as the whole bot, for hosts without the conversation engine.</summary>
    private sealed class PolicyQaOnly(PolicyQaHandler handler, PolicyQaState state) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            handler.HandleAsync(turnContext, state, cancellationToken);
    }
}
