namespace AssistBot.Bot.StaffConsole;

public enum DeadlineLevel
{
    None,
    Ok,
    Near,
    Overdue,
}
