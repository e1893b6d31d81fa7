using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

public enum PolicyOutcome
{
    /// <summary>A confident answer from one entry, source line last.</summary>
    Answer,

    /// <summary>A near tie or several topics: "您是想问：" with numbered choices.</summary>
    Clarify,

    /// <summary>No good match, or the topic is known but not this detail: say so and name whom to ask.</summary>
    Fallback,
}

/// <summary>What the bot says to one policy question.</summary>
public sealed record PolicyAnswer(
    PolicyOutcome Outcome,
    string Text,
    IReadOnlyList<PolicyEntry> Entries,
    IReadOnlyList<string> Choices,
    string? TopicId)
{
    /// <summary>Entry ids of the offered choices, in order (for "1"/"2"/"3" replies).</summary>
    public IReadOnlyList<string> ChoiceIds => Outcome == PolicyOutcome.Clarify ? Entries.Select(e => e.Id).ToList() : [];

    /// <summary>How the question was read (null for a numbered choice or an empty question).</summary>
    public QuestionReading? Reading { get; init; }

    /// <summary>The topic the conversation is now about (read, inherited, or the answering entry's), for memory.</summary>
    public string? Topic { get; init; }

    /// <summary>The aspect asked (read or inherited), for memory.</summary>
    public string? Aspect { get; init; }

    /// <summary>The county whose pack answered (county id), for memory and cross-county questions.</summary>
    public string? County { get; init; }

    /// <summary>The topic and aspect came from the conversation, not from this message.</summary>
    public bool Inherited { get; init; }

    /// <summary>Why this answer: one line per decision, for <c>knowledge explain</c> and <c>eval --explain</c>.</summary>
    public IReadOnlyList<string> Why { get; init; } = [];
}

/// <summary>What the conversation remembers between policy questions.</summary>
public sealed record PolicyContext(
    string? LastEntryId = null,
    string? LastTopic = null,
    string? LastAspect = null,
    string? LastCounty = null,
    IReadOnlyList<string>? OfferedChoiceIds = null)
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
        return next;
    }
}
