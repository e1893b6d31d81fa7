using System.Globalization;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cases;

/// <summary>The outcome of <see cref="IdNumber.Check"/>; <see cref="Normalized"/> is the folded input.</summary>
public readonly record struct IdNumberCheck(IdNumberProblem Problem, string Normalized)
{
    public bool IsValid => Problem == IdNumberProblem.None;
}
