using AssistBot.Bot.Conversation;
using AssistBot.Bot.Dialogs.PolicyQa;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.Declaration;

/// <summary>
/// Mid-form policy questions answered by the policy Q&amp;A — a confident answer (with its source line), or the honest
/// reply that the documents do not state the detail asked of a topic understood ("要带么子" of 临时救助); a near tie or
/// no match is left to the form, which says to ask after the form or the 村干部/12317. With the Q&amp;A's
/// dialog at hand, the answer uses (and a confident one updates) the conversation's memory, so a follow-up of the
/// hardship's short answer ("要带么子") keeps its topic.
/// </summary>
public sealed class PolicyFormQuestionAnswerer(PolicyAnswerer answerer, PolicyQaDialog? memory = null) : IFormQuestionAnswerer
{
    public async Task<string?> AnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken)
    {
        var answer = await AnswerWithMemoryAsync(turnContext, question, cancellationToken).ConfigureAwait(false);
        return RepliesToTheQuestion(answer) ? answer.Text : null;
    }

    public async Task<AssistBot.Bot.Conversation.Schema.Activity?> AnswerActivityAsync(ITurnContext turnContext, string question,
        CancellationToken cancellationToken)
    {
        var answer = await AnswerWithMemoryAsync(turnContext, question, cancellationToken).ConfigureAwait(false);
        Observability.AssistBotTelemetry.PolicyOutcome(turnContext.County().Id, answer.Outcome);
        return RepliesToTheQuestion(answer) ? PolicyQaReplies.ToActivity(answer) : null;
    }

    private static bool RepliesToTheQuestion(PolicyAnswer answer) => answer.Outcome == PolicyOutcome.Answer || answer.IsDetailMissing;

    private async Task<PolicyAnswer> AnswerWithMemoryAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        memory is null
            ? answerer.Answer(turnContext.County().Pack, question)
            : await memory.AnswerInsideAsync(turnContext, question, cancellationToken).ConfigureAwait(false);
}
