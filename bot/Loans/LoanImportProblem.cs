namespace AssistBot.Bot.Loans;

public sealed record LoanImportProblem(int Line, string Message)
{
    public override string ToString() => $"第{Line}行：{Message}";
}
