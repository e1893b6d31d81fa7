namespace AssistBot.Bot.StaffConsole;

/// <summary>One bar of a chart: its label and a value per series (stacked in series order).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Values);
