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
