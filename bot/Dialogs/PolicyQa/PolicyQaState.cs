namespace AssistBot.Bot.Dialogs.PolicyQa;

/// <summary>What the policy Q&amp;A remembers in a conversation: the last topic, and the choices last offered.</summary>
public sealed class PolicyQaState
{
    public string? LastTopicId { get; set; }

    public List<string> OfferedChoiceIds { get; set; } = [];
}
