using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Dialogs;
using AssistBot.Bot.Conversation.State;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>
/// Menu item 1 and the free-text slot: answers a policy question. Begun with a question it answers at once; begun from
/// the menu it asks for one. It stays active only while it waits — for the question, or for "1"/"2"/"3" after
/// "您是想问：" — so the last topic (kept in conversation state) carries follow-ups like "怎么申请" in later turns.
/// </summary>
public sealed class PolicyQaDialog : Dialog
{
    public const string DialogId = "policyQa";
    private const string StatePropertyName = "policyQa";

    private readonly PolicyQaHandler _handler;
    private readonly IStatePropertyAccessor<PolicyQaState> _state;

    public PolicyQaDialog(PolicyQaHandler handler, ConversationState conversationState) : base(DialogId)
    {
        _handler = handler;
        _state = conversationState.CreateProperty<PolicyQaState>(StatePropertyName);
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null,
        CancellationToken cancellationToken = default)
    {
        if (options is not string question || string.IsNullOrWhiteSpace(question))
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(PolicyQaTexts.AskQuestion), cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }
        return await AnswerAsync(dc, question, cancellationToken).ConfigureAwait(false);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        if (!dc.Context.Activity.IsMessage) return Task.FromResult(EndOfTurn);
        return AnswerAsync(dc, dc.Context.Activity.Text ?? "", cancellationToken);
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        turnContext.SendActivityAsync(MessageFactory.Text(PolicyQaTexts.AskQuestion), cancellationToken);

    public override string? GetHelpText(ITurnContext turnContext, DialogInstance instance) => PolicyQaTexts.AskQuestion;

    /// <summary>The conversation's Q&amp;A memory (last topic, offered choices).</summary>
    public Task<PolicyQaState> GetStateAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _state.GetAsync(turnContext, () => new PolicyQaState(), cancellationToken);

    /// <summary>
    /// A question asked while another dialog waits (the declaration's offer, a form's question): answered with the
    /// conversation's memory, so "要带么子" after the hardship's short answer continues that topic. Nothing is sent, and
    /// the memory is updated only by a confident answer (a near tie's choices could not be picked inside the form).
    /// </summary>
    public async Task<PolicyAnswer> AnswerInsideAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var trial = state.Copy();
        var answer = _handler.Answer(turnContext, trial, question);
        if (answer.Outcome == PolicyOutcome.Answer) await _state.SetAsync(turnContext, trial, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private async Task<DialogTurnResult> AnswerAsync(DialogContext dc, string question, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        var answer = await _handler.HandleAsync(dc.Context, state, question, cancellationToken).ConfigureAwait(false);
        await _state.SetAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return answer.Outcome == PolicyOutcome.Clarify ? EndOfTurn : await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
