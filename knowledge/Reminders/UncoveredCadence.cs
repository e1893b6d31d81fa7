namespace AssistBot.Knowledge.Reminders;

/// <summary>A cadence phrase of the plan that no duty carries, on purpose.</summary>
public sealed class UncoveredCadence
{
    /// <summary>The phrase as the plan writes it (e.g. 每学期开学后).</summary>
    public string Phrase { get; set; } = "";

    public string Source { get; set; } = "";

    public string Reason { get; set; } = "";
}
