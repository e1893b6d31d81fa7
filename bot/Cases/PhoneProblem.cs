using AssistBot.Knowledge.Text;
namespace AssistBot.Bot.Cases;

public enum PhoneProblem
{
    None,
    Empty,
    NotAMobile,
    BadLandline,
    MissingAreaCode,
    WrongLength,
}
