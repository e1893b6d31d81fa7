namespace AssistBot.Bot.StaffConsole;

/// <summary>County staff see the whole county; township staff their township; village cadres their villages.</summary>
public enum StaffRole
{
    County,
    Township,
    Village,
}
