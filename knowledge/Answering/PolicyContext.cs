namespace AssistBot.Knowledge.Answering;

/// <summary>What the conversation remembers between policy questions.</summary>
public sealed record PolicyContext(
    string? LastEntryId = null,
    string? LastTopic = null,
    string? LastAspect = null,
    string? LastCounty = null,
    IReadOnlyList<string>? OfferedChoiceIds = null,
    string? LastCountAsked = null)
{
    public static PolicyContext None { get; } = new();

    /// <summary>
    /// The memory after an answer: a new topic replaces the old one with its aspect and county (a topic named alone
    /// keeps no stale aspect); an answer also remembers its entry; a question that named only an aspect keeps that
    /// aspect pending for the topic named next; a reply that understood nothing leaves the memory as it was.
    /// </summary>
    public PolicyContext After(PolicyAnswer answer)
    {
        var next = this with { OfferedChoiceIds = answer.Outcome == PolicyOutcome.Clarify ? answer.ChoiceIds : null };
        if (answer.Topic is not null)
            next = next with
            {
                LastEntryId = answer.Topic == LastTopic ? LastEntryId : null,
                LastTopic = answer.Topic, LastAspect = answer.Aspect, LastCounty = answer.County,
            };
        else if (answer.Aspect is not null && answer.Outcome != PolicyOutcome.Answer)
            next = next with { LastTopic = null, LastEntryId = null, LastAspect = answer.Aspect };
        if (answer.TopicId is not null) next = next with { LastEntryId = answer.TopicId };
        // "驻村干部多久换一次" then "那禹州呢": the years asked carry over to the same question of another county, for as
        // long as the follow-ups ask nothing else of the topic.
        if (answer.Topic is not null)
            next = next with
            {
                LastCountAsked = answer.Reading is not { } reading ? null
                    : PolicyAnswerer.UnitCountAsked(reading.Folded)
                      ?? (answer.Inherited && reading.Aspect is null && answer.Topic == LastTopic ? LastCountAsked : null),
            };
        return next;
    }
}
