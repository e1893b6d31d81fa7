using AssistBot.Bot.Conversation;
using AssistBot.Bot.Dialogs.PolicyQa;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.Declaration;

/// <summary>
/// Mid-form policy questions answered by the policy Q&amp;A — only a confident answer (with its source line); a
/// near tie or no match is left to the form, which says to ask after the form or the 村干部/12317. With the Q&amp;A's
/// dialog at hand, the answer uses (and a confident one updates) the conversation's memory, so a follow-up of the
/// hardship's short answer ("要带么子") keeps its topic.
/// </summary>
public sealed class PolicyFormQuestionAnswerer(PolicyAnswerer answerer, PolicyQaDialog? memory = null) : IFormQuestionAnswerer
{
    public async Task<string?> AnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken)
    {
        var answer = await AnswerWithMemoryAsync(turnContext, question, cancellationToken).ConfigureAwait(false);
        return answer.Outcome == PolicyOutcome.Answer ? answer.Text : null;
    }

    public async Task<AssistBot.Bot.Conversation.Schema.Activity?> AnswerActivityAsync(ITurnContext turnContext, string question,
        CancellationToken cancellationToken)
    {
        var answer = await AnswerWithMemoryAsync(turnContext, question, cancellationToken).ConfigureAwait(false);
        Observability.AssistBotTelemetry.PolicyOutcome(turnContext.County().Id, answer.Outcome);
        return answer.Outcome == PolicyOutcome.Answer ? PolicyQaReplies.ToActivity(answer) : null;
    }

    private async Task<PolicyAnswer> AnswerWithMemoryAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        memory is null
            ? answerer.Answer(turnContext.County().Pack, question)
            : await memory.AnswerInsideAsync(turnContext, question, cancellationToken).ConfigureAwait(false);
}
