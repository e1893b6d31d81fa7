namespace AssistBot.Knowledge.Reminders;

/// <summary>A role cadres hold, at the level its duties are done for.</summary>
public sealed class DutyRole
{
    /// <summary>household (the 帮扶责任人 of a subject), village, township or county.</summary>
    public const string HouseholdLevel = "household";
    public const string VillageLevel = "village";
    public const string TownshipLevel = "township";
    public const string CountyLevel = "county";

    public string Name { get; set; } = "";

    public string Level { get; set; } = VillageLevel;

    /// <summary>Other 职务 that mean this role (第一书记 → 驻村干部).</summary>
    public List<string> Aliases { get; set; } = [];
}
