using AssistBot.Bot.Conversation;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// Policy Q&amp;A for one turn: answers from the endpoint county's pack with the conversation's memory (last topic,
/// aspect, county; offered choices), updates <see cref="PolicyQaState"/> and sends the reply.
/// </summary>
public sealed class PolicyQaHandler(PolicyAnswerer answerer)
{
    public async Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, string question,
        CancellationToken cancellationToken)
    {
        var answer = Answer(turnContext, state, question);
        await turnContext.SendActivityAsync(PolicyQaReplies.ToActivity(answer), cancellationToken).ConfigureAwait(false);
        return answer;
    }

    public Task<PolicyAnswer> HandleAsync(ITurnContext turnContext, PolicyQaState state, CancellationToken cancellationToken) =>
        HandleAsync(turnContext, state, turnContext.Activity.Text ?? "", cancellationToken);

    /// <summary>Answers with the conversation's memory and updates it; sends nothing.</summary>
    public PolicyAnswer Answer(ITurnContext turnContext, PolicyQaState state, string question)
    {
        var county = turnContext.County();
        var context = new PolicyContext(state.LastTopicId, state.LastTopic, state.LastAspect,
            state.LastCounty ?? county.Id, state.OfferedChoiceIds);
        var answer = answerer.Answer(county.Pack, question, context);
        Remember(state, answer);
        return answer;
    }

    /// <summary>
    /// A new topic replaces the old one with its aspect and county (a topic named alone keeps no stale aspect); an
    /// answer also remembers its entry; a reply that understood nothing leaves the memory as it was.
    /// </summary>
    public static void Remember(PolicyQaState state, PolicyAnswer answer)
    {
        if (answer.Topic is not null)
        {
            if (answer.Topic != state.LastTopic) state.LastTopicId = null;
            state.LastTopic = answer.Topic;
            state.LastAspect = answer.Aspect;
            state.LastCounty = answer.County;
        }
        if (answer.TopicId is not null) state.LastTopicId = answer.TopicId;
        state.OfferedChoiceIds = answer.Outcome == PolicyOutcome.Clarify ? answer.ChoiceIds.ToList() : [];
    }
}
