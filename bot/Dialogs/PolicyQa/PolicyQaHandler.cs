using AssistBot.Bot.Conversation;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// Policy Q&amp;A for one turn: answers from the endpoint county's pack with the conversation's memory (last topic,
/// aspect, county; offered choices), updates <see cref="PolicyQaState"/> and sends the reply.
/// </summary>
public sealed class PolicyQaHandler(PolicyAnswerer answerer, TimeProvider? time = null,
    AssistBot.Bot.Knowledge.Review.MissedQuestionStore? missed = null, ILogger<PolicyQaHandler>? logger = null,
    AssistBot.Bot.Knowledge.Review.AskedTopics? asked = null, Func<bool>? declarationAvailable = null)
{
    /// <summary>The topic of the entries on declaring oneself: their answer ends with how to do it here.</summary>
    private const string SelfDeclaration = "自主申报";

    private readonly Lazy<bool> _canDeclareHere = new(() => declarationAvailable?.Invoke() == true);

    /// <summary>A follow-up after this long is a new conversation as far as the Q&amp;A's memory goes.</summary>
    public static readonly TimeSpan MemoryLifetime = TimeSpan.FromMinutes(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, string question,
        CancellationToken cancellationToken)
    {
        var answer = Answer(turnContext, state, question);
        Observability.AssistBotTelemetry.PolicyOutcome(turnContext.County().Id, answer.Outcome);
        // "能自己报吗" answered: the farmer can do it right here, so say how (the 困难申报 feature, where this host has it).
        var offerDeclaration = answer.Outcome == PolicyOutcome.Answer && answer.Entries.Any(e => e.Topics.Contains(SelfDeclaration))
            && _canDeclareHere.Value;
        await turnContext.SendActivityAsync(PolicyQaReplies.ToActivity(answer, offerDeclaration), cancellationToken).ConfigureAwait(false);
        // Kept for county staff (missed questions masked); a storage hiccup here never costs the farmer the answer already sent.
        if (missed is not null && answer.Outcome is PolicyOutcome.Fallback or PolicyOutcome.Clarify && !IsChoiceReply(question))
        {
            try
            {
                await missed.RecordAsync(turnContext.County().Id, question, answer.Outcome.ToString().ToLowerInvariant(),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger?.LogWarning(e, "Missed question could not be recorded");
            }
        }
        else if (asked is not null && answer.Outcome == PolicyOutcome.Answer && answer.Topic is { } topic)
        {
            try
            {
                await asked.CountAsync(turnContext.County().Id, topic, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger?.LogWarning(e, "Asked topic could not be counted");
            }
        }
        return answer;
    }

    public Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, CancellationToken cancellationToken) =>
        HandleAsync(turnContext, state, turnContext.Activity.Text ?? "", cancellationToken);

    /// <summary>Answers with the conversation's memory and updates it; sends nothing.</summary>
    public PolicyAnswer Answer(ITurnContext turnContext, PolicyQaState state, string question)
    {
        var county = turnContext.County();
        var now = _time.GetUtcNow();
        if (state.UpdatedAt is { } updated && now - updated > MemoryLifetime) Forget(state);
        var context = state.Context(county.Id);
        var answer = answerer.Answer(county.Pack, question, context);
        Remember(state, answer);
        state.UpdatedAt = now;
        return answer;
    }

    /// <summary>"1", "２", "第一个": a reply to offered choices, not a question worth keeping.</summary>
    private static bool IsChoiceReply(string text) => text.Trim().Length <= 3;

    private static void Forget(PolicyQaState state)
    {
        state.LastTopicId = state.LastTopic = state.LastAspect = state.LastCounty = state.LastCountAsked = null;
        state.OfferedChoiceIds = [];
    }

    /// <summary>Updates the conversation's memory the way <see cref="PolicyContext.After"/> says.</summary>
    public static void Remember(PolicyQaState state, PolicyAnswer answer)
    {
        var next = state.Context().After(answer);
        state.LastTopicId = next.LastEntryId;
        state.LastTopic = next.LastTopic;
        state.LastAspect = next.LastAspect;
        state.LastCounty = next.LastCounty;
        state.OfferedChoiceIds = next.OfferedChoiceIds?.ToList() ?? [];
        state.LastCountAsked = next.LastCountAsked;
    }
}
