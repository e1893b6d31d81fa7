using AssistBot.Bot.Conversation;
using AssistBot.Bot.Conversation.Schema;
using AssistBot.Knowledge.Answering;

namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>Turns a <see cref="PolicyAnswer"/> into the reply activity: choices as suggested actions, never in the text.</summary>
public static class PolicyQaReplies
{
    public static Activity ToActivity(PolicyAnswer answer) => answer.Outcome == PolicyOutcome.Clarify
        ? MessageFactory.SuggestedActions(answer.Choices, answer.Text, InputHints.ExpectingInput)
        : MessageFactory.Text(answer.Text, InputHints.AcceptingInput);
}
