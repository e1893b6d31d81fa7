namespace AssistBot.Bot.Knowledge;

/// <summary>How one case came out, as the issue counts it.</summary>
public enum EvalVerdict { Correct, Clarified, FellBack, ConfidentlyWrong }
