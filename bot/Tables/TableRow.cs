namespace AssistBot.Bot.Tables;

/// <summary>
/// One record of an import file and the line a person sees it on: for CSV the line the record starts on, for .xlsx
/// the sheet's row number (1 = the first line/row, usually the header). Fields are trimmed.
/// </summary>
public sealed record TableRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>True when every field is empty (Excel leaves such rows behind; imports skip them).</summary>
    public bool IsBlank => Fields.All(f => f.Length == 0);
}
