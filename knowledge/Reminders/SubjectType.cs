namespace AssistBot.Knowledge.Reminders;

/// <summary>A kind of subject other than a household: id (pv-station), name (光伏电站) and aliases for the import's 类型.</summary>
public sealed class SubjectType
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Aliases { get; set; } = [];
}
