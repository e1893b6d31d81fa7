using AssistBot.Bot.Conversation;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// Policy Q&amp;A for one turn: answers from the endpoint county's pack, continuing the last topic for follow-ups and
/// resolving "1"/"2"/"3" after a clarify; updates <see cref="PolicyQaState"/> and sends the reply.
/// </summary>
public sealed class PolicyQaHandler(PolicyAnswerer answerer)
{
    public async Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, string question,
        CancellationToken cancellationToken)
    {
        var county = turnContext.County();
        var answer = answerer.Answer(county.Pack, question, state.LastTopicId, state.OfferedChoiceIds);
        if (answer.TopicId is not null) state.LastTopicId = answer.TopicId;
        state.OfferedChoiceIds = answer.Outcome == PolicyOutcome.Clarify ? answer.ChoiceIds.ToList() : [];
        await turnContext.SendActivityAsync(PolicyQaReplies.ToActivity(answer), cancellationToken).ConfigureAwait(false);
        return answer;
    }

    public Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, CancellationToken cancellationToken) =>
        HandleAsync(turnContext, state, turnContext.Activity.Text ?? "", cancellationToken);
}
