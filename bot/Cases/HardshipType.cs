namespace AssistBot.Bot.Cases;

/// <summary>
/// 困难类型 (risk causes). Labels follow the national system's 致贫/返贫风险 values where they exist
/// (domain-brief §1.8, §8.3), plus 因意外事故, 产业失败/收入骤减 and 其他.
/// </summary>
public enum HardshipType
{
    Illness = 1,
    Disability,
    Education,
    Disaster,
    Accident,
    Unemployment,
    LackOfLabour,
    Housing,
    DrinkingWater,
    IncomeDrop,
    Other,
}
