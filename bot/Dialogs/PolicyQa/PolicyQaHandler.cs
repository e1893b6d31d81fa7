using AssistBot.Bot.Conversation;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// Policy Q&amp;A for one turn: answers from the endpoint county's pack with the conversation's memory (last topic,
/// aspect, county; offered choices), updates <see cref="PolicyQaState"/> and sends the reply.
/// </summary>
public sealed class PolicyQaHandler(PolicyAnswerer answerer, TimeProvider? time = null)
{
    /// <summary>A follow-up after this long is a new conversation as far as the Q&amp;A's memory goes.</summary>
    public static readonly TimeSpan MemoryLifetime = TimeSpan.FromMinutes(30);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, string question,
        CancellationToken cancellationToken)
    {
        var answer = Answer(turnContext, state, question);
        Observability.AssistBotTelemetry.PolicyOutcome(turnContext.County().Id, answer.Outcome);
        await turnContext.SendActivityAsync(PolicyQaReplies.ToActivity(answer), cancellationToken).ConfigureAwait(false);
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
        var context = new PolicyContext(state.LastTopicId, state.LastTopic, state.LastAspect,
            state.LastCounty ?? county.Id, state.OfferedChoiceIds);
        var answer = answerer.Answer(county.Pack, question, context);
        Remember(state, answer);
        state.UpdatedAt = now;
        return answer;
    }

    private static void Forget(PolicyQaState state)
    {
        state.LastTopicId = state.LastTopic = state.LastAspect = state.LastCounty = null;
        state.OfferedChoiceIds = [];
    }

    /// <summary>Updates the conversation's memory the way <see cref="PolicyContext.After"/> says.</summary>
    public static void Remember(PolicyQaState state, PolicyAnswer answer)
    {
        var next = new PolicyContext(state.LastTopicId, state.LastTopic, state.LastAspect, state.LastCounty, state.OfferedChoiceIds)
            .After(answer);
        state.LastTopicId = next.LastEntryId;
        state.LastTopic = next.LastTopic;
        state.LastAspect = next.LastAspect;
        state.LastCounty = next.LastCounty;
        state.OfferedChoiceIds = next.OfferedChoiceIds?.ToList() ?? [];
    }
}
