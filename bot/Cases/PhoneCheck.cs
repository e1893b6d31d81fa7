using AssistBot.Knowledge.Text;
namespace AssistBot.Bot.Cases;

public readonly record struct PhoneCheck(PhoneProblem Problem, string Normalized)
{
    public bool IsValid => Problem == PhoneProblem.None;
}
