using AssistBot.Bot.Conversation;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// Policy Q&amp;A for one turn: answers the user's text from the endpoint county's pack, continuing the last topic for
/// follow-ups and resolving "1"/"2"/"3" after a clarify; updates the conversation's <see cref="PolicyQaState"/>.
/// </summary>
public sealed class PolicyQaHandler(PolicyAnswerer answerer)
{
    public async Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, CancellationToken cancellationToken)
    {
        var county = turnContext.County();
        var answer = answerer.Answer(county.Pack, turnContext.Activity.Text ?? "", state.LastTopicId, state.OfferedChoiceIds);
        if (answer.TopicId is not null) state.LastTopicId = answer.TopicId;
        state.OfferedChoiceIds = answer.Outcome == PolicyOutcome.Clarify ? answer.ChoiceIds.ToList() : [];
        await turnContext.SendActivityAsync(PolicyQaReplies.ToActivity(answer), cancellationToken);
        return answer;
    }
}
