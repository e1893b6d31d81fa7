using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.Conversation;

/// <summary>Bot Builder's MessageFactory: the common shapes of an outgoing message.</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? inputHint = null) =>
        new() { Type = ActivityTypes.Message, Text = text, InputHint = inputHint };

    /// <summary>A message with choices as suggested actions (rendered as numbered lines where buttons do not exist).</summary>
    public static Activity SuggestedActions(IEnumerable<string> choices, string text, string? inputHint = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = inputHint,
        SuggestedActions = new SuggestedActions
        {
            Actions = choices.Select(c => new CardAction(ActionTypes.ImBack, c, c)).ToList(),
        },
    };
}
