using AssistBot.Bot.Conversation;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.Declaration;

/// <summary>
/// Mid-form policy questions answered by the policy Q&amp;A — only a confident answer (with its source line); a
/// near tie or no match is left to the form, which says to ask after the form or the 村干部/12317.
/// </summary>
public sealed class PolicyFormQuestionAnswerer(PolicyAnswerer answerer) : IFormQuestionAnswerer
{
    public Task<string?> AnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken)
    {
        var answer = answerer.Answer(turnContext.County().Pack, question);
        return Task.FromResult(answer.Outcome == PolicyOutcome.Answer ? answer.Text : null);
    }

    public Task<AssistBot.Bot.Conversation.Schema.Activity?> AnswerActivityAsync(ITurnContext turnContext, string question,
        CancellationToken cancellationToken)
    {
        var answer = answerer.Answer(turnContext.County().Pack, question);
        Observability.AssistBotTelemetry.PolicyOutcome(turnContext.County().Id, answer.Outcome);
        return Task.FromResult(answer.Outcome == PolicyOutcome.Answer ? PolicyQa.PolicyQaReplies.ToActivity(answer) : null);
    }
}
