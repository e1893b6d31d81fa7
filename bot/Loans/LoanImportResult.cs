namespace AssistBot.Bot.Loans;

/// <summary>What an import did: counts and each rejected row with its line number.</summary>
public sealed record LoanImportResult(int Created, int Updated, IReadOnlyList<LoanImportProblem> Errors, IReadOnlyList<LoanImportProblem> Warnings)
{
    public int Imported => Created + Updated;
}
