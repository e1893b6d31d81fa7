using AssistBot.Bot.Conversation;

namespace AssistBot.Bot.Dialogs.Declaration;

/// <summary>
/// Answers a policy question asked in the middle of a form (the policy Q&amp;A plugs in here). Return null when not
/// confident; the form then answers what it can itself and resumes at the same question.
/// </summary>
public interface IFormQuestionAnswerer
{
    Task<string?> AnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken);

    /// <summary>The answer as a reply activity (the policy Q&amp;A adds which entry answered, for eval); by default the text.</summary>
    async Task<AssistBot.Bot.Conversation.Schema.Activity?> AnswerActivityAsync(ITurnContext turnContext, string question,
        CancellationToken cancellationToken) =>
        await AnswerAsync(turnContext, question, cancellationToken).ConfigureAwait(false) is { } text ? MessageFactory.Text(text) : null;
}
