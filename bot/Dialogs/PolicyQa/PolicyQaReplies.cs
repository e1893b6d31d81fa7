using System.Text.Json;
using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>Turns a <see cref="PolicyAnswer"/> into the reply activity: choices as suggested actions, never in the text.</summary>
public static class PolicyQaReplies
{
    /// <summary>Activity property naming the entry that answered (absent for clarify and fallback): for eval and logs, never rendered.</summary>
    public const string EntryIdProperty = "policyEntryId";

    /// <summary>Activity property with the outcome: answer, clarify or fallback.</summary>
    public const string OutcomeProperty = "policyOutcome";

    /// <summary>Activity property with the entry ids of a clarify's numbered choices, in order: for eval, never rendered.</summary>
    public const string ChoiceIdsProperty = "policyChoiceIds";

    /// <param name="offerDeclaration">Add the line saying how to declare here (an answer about declaring oneself).</param>
    public static Activity ToActivity(PolicyAnswer answer, bool offerDeclaration = false)
    {
        var activity = answer.Outcome == PolicyOutcome.Clarify
            ? MessageFactory.SuggestedActions(answer.Choices, answer.Text, InputHints.ExpectingInput)
            : MessageFactory.Text(offerDeclaration ? answer.Text + "\n" + PolicyQaTexts.DeclareHere : answer.Text, InputHints.AcceptingInput);
        activity.Properties ??= [];
        activity.Properties[OutcomeProperty] = JsonSerializer.SerializeToElement(answer.Outcome.ToString().ToLowerInvariant());
        if (answer.Outcome == PolicyOutcome.Answer && answer.TopicId is not null)
            activity.Properties[EntryIdProperty] = JsonSerializer.SerializeToElement(answer.TopicId);
        if (answer.Outcome == PolicyOutcome.Clarify && answer.ChoiceIds.Count > 0)
            activity.Properties[ChoiceIdsProperty] = JsonSerializer.SerializeToElement(answer.ChoiceIds);
        return activity;
    }
}
