using System.Text;

namespace AssistBot.Bot.Cases.Import;

/// <summary>
/// A CSV file as county staff produce it (RFC 4180 quoting; UTF-8 with or without BOM, or GB18030 as Excel on
/// Chinese Windows saves it), with the line number each record starts on so errors can point at it.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++) _columns.TryAdd(header[i], i);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The trimmed value of a column in a row ("" when the row is short or the column absent).</summary>
    public string Get(CsvRow row, string column) =>
        _columns.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i].Trim() : "";

    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>Parses text whose first record is the header. Blank lines are skipped. Throws <see cref="FormatException"/> on an unclosed quote.</summary>
    public static CsvTable Parse(string text)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        text = text.TrimStart('\uFEFF');

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            if (fields.Count > 1 || fields[0].Trim().Length > 0) records.Add(new CsvRow(recordLine, fields.ToArray()));
            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted || field.ToString().Trim().Length == 0:
                    field.Clear();
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        if (inQuotes) throw new FormatException($"第{recordLine}行：引号没有闭合。");
        if (field.Length > 0 || fields.Count > 0) EndRecord();

        if (records.Count == 0) return new CsvTable([], []);
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        return new CsvTable(header, records.Skip(1).ToList());
    }
}

/// <summary>One record and the line it starts on (1 = the header).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
