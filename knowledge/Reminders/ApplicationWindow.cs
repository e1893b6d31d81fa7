using AssistBot.Knowledge.Text;

namespace AssistBot.Knowledge.Reminders;

/// <summary>A period in which households apply for something (or a milestone they should know about).</summary>
public sealed class ApplicationWindow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>yyyy-MM-dd, inclusive.</summary>
    public string Opens { get; set; } = "";

    /// <summary>yyyy-MM-dd, inclusive.</summary>
    public string Closes { get; set; } = "";

    /// <summary>Who may apply, in the farmer's words.</summary>
    public string Who { get; set; } = "";

    /// <summary>What to do, in the farmer's words.</summary>
    public string How { get; set; } = "";

    public string Source { get; set; } = "";

    public DateOnly OpensOn => IsoDate.Parse(Opens);

    public DateOnly ClosesOn => IsoDate.Parse(Closes);
}
