using System.Globalization;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cases;

public enum IdNumberProblem
{
    None,
    Empty,
    WrongLength,
    FifteenDigit,
    BadCharacters,
    BadRegion,
    BadBirthDate,
    BadCheckDigit,
}
