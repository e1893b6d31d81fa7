namespace AssistBot.Bot.Cases.Import;

/// <summary>
/// What an import did: rows created and updated, each bad row with its line number and reason, and rows imported
/// with a remark (e.g. a 职务 no pack knows: imported, but no role duty will reach them).
/// </summary>
public sealed record ImportReport(int Created, int Updated, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportError>? Warnings = null)
{
    public IReadOnlyList<ImportError> Remarks => Warnings ?? [];

    public int Imported => Created + Updated;

    public static ImportReport Failed(string message) => new(0, 0, [new ImportError(1, message)]);
}
