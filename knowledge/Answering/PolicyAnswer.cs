using AssistBot.Knowledge.Packs;

namespace AssistBot.Knowledge.Answering;

public enum PolicyOutcome
{
    /// <summary>A confident answer from one entry, source line last.</summary>
    Answer,

    /// <summary>A near tie: "您是想问：" with numbered choices.</summary>
    Clarify,

    /// <summary>No good match: say so and name whom to ask.</summary>
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
}
