namespace AssistBot.Bot.Tables;

/// <summary>
/// A whole import file in memory (roster, households, sites: thousands of rows, not millions): its header and data
/// rows with their lines, and column access by header name. Built from <see cref="TableReader"/>.
/// </summary>
public sealed class ImportTable
{
    private readonly Dictionary<string, int> _columns;

    private ImportTable(IReadOnlyList<string> header, IReadOnlyList<TableRow> rows)
    {
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++) _columns.TryAdd(header[i], i);
    }

    /// <summary>The first non-blank row's fields (empty for an empty file).</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows after the header, blank ones skipped, each with its line.</summary>
    public IReadOnlyList<TableRow> Rows { get; }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The trimmed value of a column in a row ("" when the row is short or the column absent).</summary>
    public string Get(TableRow row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i] : "";

    /// <summary>A CSV or .xlsx file (see <see cref="TableReader.Read"/>); throws <see cref="FormatException"/> with a Chinese message.</summary>
    public static ImportTable Load(Stream stream, string? fileName = null) => From(TableReader.Read(stream, fileName));

    /// <summary>CSV text; throws <see cref="FormatException"/> on an unclosed quote.</summary>
    public static ImportTable Parse(string csv) => From(TableReader.ReadCsv(csv));

    public static ImportTable From(IEnumerable<TableRow> rows)
    {
        var all = rows.ToList();
        return all.Count == 0 ? new ImportTable([], []) : new ImportTable(all[0].Fields, all.Skip(1).ToList());
    }
}
